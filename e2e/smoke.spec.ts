import { test, expect } from './fixtures.ts';

test('the page loads with its canvas and inspector regions', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeAttached();
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeAttached();
});
