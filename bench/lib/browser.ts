// Chromium and the built page for the browser benchmarks: the page is served with its embedded
// broker on a free loopback port, and Debian's Chromium is driven through playwright-core.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../broker/server.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The folder of the built page: the runner builds one and passes it; alone, `dist/`. */
export function appDir(): string {
  const dir = process.env.AMQPFLOW_BENCH_APP_DIR ?? 'dist';
  if (!existsSync(`${dir}/index.html`)) throw new Error(`No built page in ${dir}/: run \`npx vite build\` first (npm run bench does it).`);
  return dir;
}

export interface BenchBrowser {
  server: RunningServer;
  browser: Browser;
  /** A fresh page at the app, 1440×900, with the given localStorage keys set before it loads. */
  openApp(storage?: Record<string, string>): Promise<Page>;
  close(): Promise<void>;
}

export async function startBenchBrowser(): Promise<BenchBrowser> {
  const server = await startServer({ host: '127.0.0.1', port: 0, appDir: appDir() });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    server,
    browser,
    async openApp(storage = {}) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      // tsx compiles the functions we pass to page.evaluate with esbuild's keepNames, which calls __name.
      await page.addInitScript('globalThis.__name = (f) => f;');
      await page.addInitScript((entries) => {
        // Only on the first load: later reloads keep what the page saved.
        if (sessionStorage.getItem('bench-init')) return;
        sessionStorage.setItem('bench-init', '1');
        localStorage.clear();
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      }, storage);
      await page.goto(server.url);
      await page.getByRole('region', { name: 'Canvas' }).waitFor();
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** Chromium's version, for the machine record. */
export async function chromiumVersion(): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}
