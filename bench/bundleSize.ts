// bundle_initial_gzip_kb: the JavaScript a first visit must load before the page runs — the entry
// script of index.html and every chunk it preloads (its static imports) — gzipped at level 9.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { appDir } from './lib/browser.ts';
import { detail, figure, main } from './lib/report.ts';
import { round } from './lib/stats.ts';

/** Script and modulepreload URLs of index.html, as paths inside the build folder. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isScript = tag.startsWith('<script') && /type=["']?module/.test(tag);
    const isPreload = tag.startsWith('<link') && /rel=["']?modulepreload/.test(tag);
    const url = /(?:src|href)=["']([^"']+)["']/.exec(tag)?.[1];
    if ((isScript || isPreload) && url && !/^[a-z]+:/i.test(url)) found.add(url.replace(/^\//, ''));
  }
  return [...found];
}

const gzipKb = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length / 1000;

main(async () => {
  const dir = appDir();
  const initial = initialScripts(readFileSync(join(dir, 'index.html'), 'utf8'));
  if (!initial.length) throw new Error(`${dir}/index.html names no module script`);
  const files = Object.fromEntries(initial.map((f) => [f, round(gzipKb(readFileSync(join(dir, f))), 1)]));
  const lazy = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
  const lazyKb = Object.fromEntries(lazy.map((f) => [f, round(gzipKb(readFileSync(join(dir, 'assets', f))), 1)]));
  const total = initial.reduce((n, f) => n + gzipKb(readFileSync(join(dir, f))), 0);
  detail('bundle_initial_gzip_kb', { initial: files, lazy: lazyKb });
  console.log(`initial: ${Object.entries(files).map(([f, kb]) => `${f} ${kb} kB`).join(', ')}`);
  console.log(`loaded later: ${Object.entries(lazyKb).map(([f, kb]) => `${f} ${kb} kB`).join(', ')}`);
  figure('bundle_initial_gzip_kb', round(total, 1), 'kB');
});
