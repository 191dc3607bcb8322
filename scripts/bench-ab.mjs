// @ts-check
/**
 * `node scripts/bench-ab.mjs <commit> [cards…]`: is the working tree's parser faster than the one
 * at <commit>? Both builds of bench/entries/bench-page.ts are loaded into one bench page and run by
 * turns, which goes first alternating; the median of the per-run ratios moves about ±5%, where
 * the bench's ratio to its walk moves ±20% between runs (README, "Benchmarks").
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { bundleEntry, median } from './lib/bench-tools.mjs';
import { launchWithExtension, ROOT, typescriptLoader } from './lib/browser.mjs';

const [base, ...sizes] = process.argv.slice(2);
if (!base)
  throw new Error('usage: node scripts/bench-ab.mjs <commit> [cards…], e.g. node scripts/bench-ab.mjs HEAD 5000');
const cards = sizes.length > 0 ? sizes.map(Number) : [1000, 5000];
/** Warm-up runs: V8 takes about 20 to optimise the parser (scripts/bench.mjs, PARSER_WARM_UPS). */
const WARM_UPS = 25;
const RUNS = 31;

/**
 * The entry built from `commit`, in a worktree removed afterwards.
 * @param {string} commit
 */
async function bundleAt(commit) {
  const tree = join(mkdtempSync(join(os.tmpdir(), 'lapse-ab-')), 'tree');
  execFileSync('git', ['worktree', 'add', '--detach', '--quiet', tree, commit], { cwd: ROOT });
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
    return await bundleEntry('bench/entries/bench-page.ts', 'LapseBenchBase', tree);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT });
  }
}

const scripts = [await bundleAt(base), await bundleEntry('bench/entries/bench-page.ts', 'LapseBench')];
const ts = await typescriptLoader();
/** @type {typeof import('../tests/fixtures/sent-page')} */
const { renderSentPage, samplePeople } = await ts.load('/tests/fixtures/sent-page.ts');
await ts.close();
const html = (/** @type {number} */ n) =>
  renderSentPage({ people: samplePeople(n, 7) }).replace(
    '</body>',
    () => `${scripts.map((js) => `<script>${js}</script>`).join('')}</body>`,
  );

const lapse = await launchWithExtension({ headless: true });
try {
  for (const n of cards) {
    const page = await lapse.context.newPage();
    lapse.serveLinkedIn(() => html(n));
    await page.goto(`https://www.linkedin.com/bench/ab-${n}`);
    const before = () => page.evaluate(() => window.LapseBenchBase.parse());
    const after = () => page.evaluate(() => window.LapseBench.parse());
    /** @type {number[]} */
    const ratios = [];
    for (let i = 0; i < WARM_UPS + RUNS; i++) {
      // Which goes first alternates: neither always runs on the heap the other just left.
      let a = 0;
      let b = 0;
      if (i % 2) {
        a = await before();
        b = await after();
      } else {
        b = await after();
        a = await before();
      }
      if (i >= WARM_UPS) ratios.push(b / a);
    }
    console.log(
      `${n.toLocaleString('en')} cards: the working tree takes ${median(ratios).toFixed(3)} of ${base}'s time`,
    );
    await page.close();
  }
} finally {
  await lapse.close();
}
