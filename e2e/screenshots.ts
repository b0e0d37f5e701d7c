// Where a journey saves its screenshot: the README's pictures in docs/screenshots/ are rewritten only
// when AMQPFLOW_SCREENSHOTS=1 is set; otherwise the picture goes to test-results/ (untracked).
import type { Page } from '@playwright/test';

export const UPDATE_SCREENSHOTS = process.env.AMQPFLOW_SCREENSHOTS === '1';

export function screenshotPath(name: string): string {
  return UPDATE_SCREENSHOTS ? `docs/screenshots/${name}` : `test-results/screenshots/${name}`;
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name) });
}
