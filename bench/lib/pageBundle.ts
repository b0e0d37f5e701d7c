// Bundles a script from bench/pages/ with Vite's build API, with the app's own aliases and globals
// (rhea needs Node's Buffer/events/util shims), into one IIFE string a page can load.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export async function bundlePageScript(name: string): Promise<string> {
  const entry = fileURLToPath(new URL(`../pages/${name}.ts`, import.meta.url));
  const outDir = await mkdtemp(join(tmpdir(), 'amqpflow-bench-'));
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      resolve: { alias: { buffer: 'buffer/', events: 'events/', util: 'util/' } },
      define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
      build: {
        target: 'es2022',
        outDir,
        emptyOutDir: true,
        minify: true,
        lib: { entry, formats: ['iife'], name: 'benchPage', fileName: () => 'page.js' },
      },
    });
    return await readFile(join(outDir, 'page.js'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
