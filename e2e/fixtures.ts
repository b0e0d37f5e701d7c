// The test object every journey uses: baseURL is the server started by global-setup.ts.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
  baseURL: async ({}, use) => {
    const url = process.env.AMQPFLOW_APP_URL;
    if (!url) throw new Error('AMQPFLOW_APP_URL is not set: run the tests through `npx playwright test` so global-setup starts the server');
    await use(url);
  },
});
export { expect };
