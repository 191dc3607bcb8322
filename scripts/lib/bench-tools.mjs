// @ts-check
/** What every part of `npm run bench` shares: the median, how times print, and bundling an entry. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT } from './browser.mjs';

/** @param {number[]} xs */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const upper = s[mid];
  const lower = s.length % 2 ? upper : s[mid - 1];
  if (upper === undefined || lower === undefined) throw new Error('the median of no figures');
  return (lower + upper) / 2;
};

/** @param {number} x milliseconds */
export const ms = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

/**
 * Bundles a bench entry (bench/entries/…) into one minified IIFE, the way the content script is
 * built, and returns its source.
 * @param {string} entry path from the project root
 * @param {string} globalName the IIFE's global
 * @param {string} root the project's root: this tree, or another commit's (scripts/bench-ab.mjs)
 */
export async function bundleEntry(entry, globalName, root = ROOT) {
  const outDir = mkdtempSync(join(os.tmpdir(), 'lapse-bench-'));
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      lib: { entry: join(root, entry), formats: ['iife'], name: globalName, fileName: () => 'entry.js' },
    },
  });
  return readFileSync(join(outDir, 'entry.js'), 'utf8');
}
