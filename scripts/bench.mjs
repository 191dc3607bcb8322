#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: Lapse's hot paths in real Chromium, each a median of repeated runs next to a
 * baseline measured in the same run, against the budgets of the benchmark issue. Prints one table
 * and writes it, with the machine's description, to bench/results.md. Over-budget figures are
 * marked, never hidden. Not part of `npm test`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { backupBenchRows } from './lib/bench-backup.mjs';
import { editRoundTrips, loadScaleLedger, openExtensionPage, popupHeap } from './lib/bench-scale.mjs';
import { bundleEntry, median, ms } from './lib/bench-tools.mjs';
import {
  builtManifest,
  chromiumVersion,
  launchWithExtension,
  ROOT,
  typescriptLoader,
  waitFor,
} from './lib/browser.mjs';
import { callIn, launchOverPipe, sleep } from './lib/cdp-pipe.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('./in-page').NumberFunctions<Window['LapseBench']>} Figure a figure or baseline of bench-page.ts */
/** @typedef {{ what: string, figure: string, baseline: string, budget: string, ok: boolean | null }} Row */

const DIST = join(ROOT, 'dist');
const quick = process.argv.includes('--quick');
// `--only parse`: the parse rows alone, for work on the parser; `--only merge`: those and the rows
// that apply readings to the store, for work on the store. Printed, not written to bench/results.md.
const only = process.argv.join(' ').match(/--only (parse|merge)/)?.[1] ?? null;
const RUNS = quick ? 3 : 11;
// Absolute times (the popup) move with whatever else the 2 cores run: the load is part of the record.
const loadAverage = () => os.loadavg()[0] ?? Number.NaN; // 1 minute
const loadAtStart = loadAverage();

/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// ── gzip size of each built entry, with every chunk and stylesheet it loads ──

/**
 * @param {string} file a path in DIST
 * @returns {string[]} the paths in DIST it loads
 */
function referencedFiles(file) {
  const text = readFileSync(join(DIST, file), 'utf8');
  /** @type {Set<string>} */
  const refs = new Set();
  const patterns = file.endsWith('.html')
    ? [/<script[^>]+src="([^"]+)"/g, /<link[^>]+href="([^"]+\.(?:js|css))"/g]
    : [/\bfrom\s*["']([^"']+\.js)["']/g, /\bimport\s*\(?\s*["']([^"']+\.(?:js|css))["']/g];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const ref = match[1];
      if (!ref || /^[a-z-]+:/i.test(ref)) continue;
      const path = ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(file), ref);
      refs.add(posix.normalize(path));
    }
  }
  return [...refs];
}

/** @param {string} entry a path in DIST */
function entryGzip(entry) {
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} file */
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const ref of referencedFiles(file)) visit(ref);
  };
  visit(entry);
  const code = [...seen].filter((f) => !f.endsWith('.html'));
  return {
    files: code,
    bytes: code.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0),
  };
}

/**
 * The rows as a Markdown table.
 * @param {Row[]} rows
 */
function tableOf(rows) {
  return [
    '| measure | median | baseline (same run) → ratio | budget | within budget |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.figure} | ${r.baseline} | ${r.budget} | ${r.ok === null ? 'n/a' : r.ok ? 'yes' : '**OVER BUDGET**'} |`,
    ),
  ].join('\n');
}

// ── the run ──

/** @type {Row[]} */
const rows = [];
/**
 * @param {string} what
 * @param {string} figure
 * @param {string} baseline
 * @param {string} budget
 * @param {boolean | null} ok null: informational, no budget
 */
const row = (what, figure, baseline, budget, ok) => rows.push({ what, figure, baseline, budget, ok });

const manifest = builtManifest(DIST);
const ts = await typescriptLoader();
/** @type {typeof import('../tests/fixtures/sent-page')} */
const { renderSentPage, samplePeople } = await ts.load('/tests/fixtures/sent-page.ts');
/** @type {typeof import('../src/store/schema')} */
const { DB_NAME } = await ts.load('/src/store/schema.ts');
await ts.close();
const benchJs = await bundleEntry('bench/entries/bench-page.ts', 'LapseBench');
/** @param {number} n */
const pageWith = (n) =>
  renderSentPage({ people: samplePeople(n, 7) }).replace('</body>', () => `<script>${benchJs}</script></body>`);
const pages = { 1000: pageWith(1000), 5000: pageWith(5000) };

const lapse = await launchWithExtension({ headless: true });
lapse.serveLinkedIn((url) => pages[url.endsWith('1000') ? 1000 : 5000]);
const { context } = lapse;
/**
 * @param {Page} page a bench page (pageWith)
 * @param {Figure} name
 */
const call = (page, name) => page.evaluate((n) => window.LapseBench[n](), name);
/**
 * A figure and its baseline, run by turns (figure, baseline, figure…) so that whatever else the
 * machine does at the time weighs on both alike, and their ratio says what the code costs.
 * @param {Page} page
 * @param {Figure} name
 * @param {Figure} baseline
 * @param {number} [runs]
 * @param {number} [warmUps] pairs run first and not counted: JIT, caches
 * @returns {Promise<[number, number]>}
 */
const repeatPair = async (page, name, baseline, runs = RUNS, warmUps = 1) => {
  for (let i = 0; i < warmUps; i++) {
    await call(page, name);
    await call(page, baseline);
  }
  const xs = [];
  const ys = [];
  for (let i = 0; i < runs; i++) {
    xs.push(await call(page, name));
    ys.push(await call(page, baseline));
  }
  return [median(xs), median(ys)];
};

// The popup marks its own timeline (performance.mark 'lapse:first-screen', src/popup/Popup.tsx)
// when its first rows — or, empty, its first-run screen — are on screen; reading the mark adds
// no polling delay. The page's own parse time (domInteractive) is reported as the floor.
function readPopupMarks() {
  const mark = performance.getEntriesByName('lapse:first-screen')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return mark && nav instanceof PerformanceNavigationTiming
    ? { shown: mark.startTime, parsed: nav.domInteractive, visible: document.visibilityState === 'visible' }
    : null;
}
/** @typedef {NonNullable<ReturnType<typeof readPopupMarks>>} PopupMarks */
/** @typedef {{ shown: number, parsed: number }} PopupTimes medians, ms */

/**
 * Opens the popup RUNS + 1 times with `openOnce` (→ its marks); the first opening only warms the worker.
 * @param {(i: number) => Promise<PopupMarks>} openOnce
 * @returns {Promise<PopupTimes>}
 */
async function popupOpenings(openOnce) {
  const shown = [];
  const parsed = [];
  for (let i = 0; i <= RUNS; i++) {
    const figures = await openOnce(i);
    if (i === 0) continue;
    shown.push(figures.shown);
    parsed.push(figures.parsed);
  }
  return { shown: median(shown), parsed: median(parsed) };
}

/**
 * A list of 1,000 cards exists only after ~100 "Load more"s (ten cards each), and the content
 * script parses the list after each: the parser is measured as warm as that. V8 takes about 20
 * runs to optimise it fully; after one, the parse reads 15–40% slower than it runs in a scan.
 */
const PARSER_WARM_UPS = 20;
/** A pause after loading a ledger at scale before its edits are timed (see atScale). */
const SETTLE_MS = 5000;

let backup = ''; // 5,000 invitations as a Lapse backup, for the popup measured below
/** @type {{ empty: PopupTimes, full: PopupTimes }} as Playwright measures them */
let popupAttached;
try {
  /**
   * Parse: the content script's look at `n` items vs a bare walk over the same nodes.
   * @param {1000 | 5000} n
   * @returns {Promise<Page>} the page, parsed
   */
  const parseRow = async (n) => {
    const page = await context.newPage();
    await page.goto(`https://www.linkedin.com/bench/parse-${n}`);
    const [parse, walk] = await repeatPair(page, 'parse', 'walk', RUNS, PARSER_WARM_UPS);
    const read = await call(page, 'readCount');
    if (read !== n) throw new Error(`the parser read ${read} of ${n} invitations`);
    const perThousand = parse / (n / 1000);
    row(
      `parse ${n.toLocaleString('en')} items (current layout)`,
      `${ms(parse)} (${ms(perThousand)}/1,000)`,
      `walk ${ms(walk)} → ${(parse / walk).toFixed(2)}×`,
      '≤ 3× walk, ≤ 30 ms/1,000',
      parse <= 3 * walk && perThousand <= 30,
    );
    return page;
  };
  const page1000 = await parseRow(1000);
  const page5000 = await parseRow(5000);
  /** Ends the run here for `--only`: the rows so far, printed. */
  const printOnly = async () => {
    await lapse.close();
    console.log(
      `\n${tableOf(rows)}\n\nThese rows only (--only ${only}), load ${loadAtStart.toFixed(2)} at the start, ${loadAverage().toFixed(2)} at the end; bench/results.md left as it was.`,
    );
    process.exit(0);
  };
  if (only === 'parse') await printOnly();

  // At scale: the same complete reading of 1,000 cards into a ledger of 50,000 vs one of 5,000.
  await call(page1000, 'seedScale5000');
  await call(page1000, 'seedScale50000');
  const [into50k, into5k] = await repeatPair(page1000, 'readingInto50000', 'readingInto5000', quick ? 3 : 7);
  row(
    'complete reading of 1,000 cards into 50,000 records',
    ms(into50k),
    `into 5,000 ${ms(into5k)} → ${(into50k / into5k).toFixed(2)}×`,
    '≤ 2× into 5,000',
    into50k <= 2 * into5k,
  );
  await page1000.close();

  // Merge a complete reading of 5,000 into a ledger of 5,000 vs the writes it cannot avoid: the
  // same 5,000 records put raw over the versions the ledger holds. Until December 2026 the
  // baseline was a put into an empty store and the budget 2× that; an overwrite costs 1.2–1.6× a
  // put into an empty store in Chromium 156, so 1.5× an overwrite asks about as much, of the
  // right baseline. The old ratio is still shown.
  const mergeRuns = quick ? 3 : 7;
  const [merge, rawOverwrite] = await repeatPair(page5000, 'merge', 'rawOverwrite', mergeRuns);
  const intoEmptyRuns = [];
  for (let i = 0; i < 3; i++) intoEmptyRuns.push(await call(page5000, 'rawPut'));
  const intoEmpty = median(intoEmptyRuns);
  row(
    'merge complete reading of 5,000 into ledger of 5,000',
    ms(merge),
    `raw put of the same 5,000 over the stored ones ${ms(rawOverwrite)} → ${(merge / rawOverwrite).toFixed(2)}× (into an empty store ${ms(intoEmpty)} → ${(merge / intoEmpty).toFixed(2)}×)`,
    '≤ 1.5× raw overwrite',
    merge <= 1.5 * rawOverwrite,
  );
  if ((await call(page5000, 'recordCount')) !== 5000) throw new Error('the merged ledger does not hold 5,000 records');
  if (only === 'merge') await printOnly();

  const [badge, bare] = await repeatPair(page5000, 'badge', 'bareCount');
  row(
    'badge recount over 5,000 records',
    ms(badge),
    `bare pass ${ms(bare)} → ${(badge / Math.max(bare, 0.01)).toFixed(1)}×`,
    '≤ 20 ms',
    badge <= 20,
  );

  const [csv, naive] = await repeatPair(page5000, 'csv', 'naiveCsv');
  row(
    'CSV export of 5,000 rows',
    ms(csv),
    `naive join ${ms(naive)} → ${(csv / Math.max(naive, 0.01)).toFixed(1)}×`,
    '≤ 100 ms',
    csv <= 100,
  );

  // Popup, as Playwright opens it: informational only. Playwright attaches to every page as it
  // opens, which adds ~30 ms to each resource the page fetches in sequence; users open the popup
  // with no debugger attached, and that is measured below, once this browser is closed.
  const messenger = await context.newPage();
  await messenger.goto(lapse.url('manifest.json'));
  /** @param {string} json a backup */
  const importBackup = async (json) => {
    const reply = await messenger.evaluate(
      (j) => chrome.runtime.sendMessage({ type: 'import-backup', backup: JSON.parse(j) }),
      json,
    );
    if (!reply?.ok) throw new Error(`import-backup: ${reply?.error ?? 'no reply'}`);
    return reply.value;
  };
  const popupTime = () =>
    popupOpenings(async () => {
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(lapse.url(manifest.action.default_popup), { waitUntil: 'commit' });
      const at = await popup.waitForFunction(readPopupMarks, null, { polling: 10, timeout: 20_000 });
      const figures = await at.jsonValue();
      await popup.close();
      if (!figures) throw new Error('the popup marks were gone'); // never: waitForFunction waited for them
      return figures;
    });
  const empty = await popupTime();
  backup = await page5000.evaluate(() => window.LapseBench.backupJson());
  const report = await importBackup(backup);
  if (report.imported !== 5000) throw new Error(`the extension imported ${report.imported} of 5,000`);
  popupAttached = { empty, full: await popupTime() };
} finally {
  await lapse.close();
}

// Popup: time from navigation to the first rows drawn, with 5,000 invitations vs with 0, opened
// the way a user opens it — with no debugger attached (scripts/lib/cdp-pipe.mjs) — in a browser
// of its own, measured while no other browser competes for the CPU. Each opening is a tab the
// browser target creates; only once it has drawn does a session attach to read its timeline.
const pipe = await launchOverPipe({ dist: DIST });
try {
  const { cdp } = pipe;
  let late = 0;
  const popupTimeUnattached = () =>
    popupOpenings(async (i) => {
      const { targetId } = await cdp.send('Target.createTarget', { url: pipe.url(manifest.action.default_popup) });
      // Long enough for the popup to draw, so the read below attaches after the fact. Should it
      // not have drawn yet (a busy machine, a cold first opening), the read is repeated — that
      // opening then finished with a debugger attached, and is counted as late.
      await sleep(1500);
      let figures = await callIn(cdp, targetId, readPopupMarks);
      if (!figures) {
        if (i > 0) late++;
        figures = await waitFor('the popup to mark its first screen', () => callIn(cdp, targetId, readPopupMarks));
      }
      // A hidden page gets no animation frames, and the mark would wait for Preact's fallback timer.
      if (!figures.visible) throw new Error('the popup tab was not visible');
      await cdp.send('Target.closeTarget', { targetId });
      return figures;
    });
  const empty = await popupTimeUnattached();

  // Fill the ledger from an extension page (the worker answers extension pages only); a debugger on
  // this page does not matter, and it is closed before the popup is opened again.
  const { targetId: messenger } = await cdp.send('Target.createTarget', { url: pipe.url('manifest.json') });
  await waitFor('the extension page to load', () =>
    callIn(cdp, messenger, () => location.protocol === 'chrome-extension:' && document.readyState === 'complete'),
  );
  const reply = await callIn(
    cdp,
    messenger,
    (json) => chrome.runtime.sendMessage({ type: 'import-backup', backup: JSON.parse(json) }),
    backup,
  );
  if (!reply?.ok) throw new Error(`import-backup: ${reply?.error ?? 'no reply'}`);
  if (reply.value.imported !== 5000) throw new Error(`the extension imported ${reply.value.imported} of 5,000`);
  await cdp.send('Target.closeTarget', { targetId: messenger });

  const full = await popupTimeUnattached();

  /**
   * At scale: one edit's round trip, and the popup's first rows and heap, with `n` records.
   * @param {number} n
   */
  const atScale = async (n) => {
    const page = await openExtensionPage(pipe);
    await loadScaleLedger(pipe, page, n);
    // For a second or so after 50,000 records are written, Chromium's database compacts them, and
    // every read waits on it: edits then take 2–6× as long. Both are shown; the budget is for the
    // ledger as it is used, once the import has settled.
    const loading = await editRoundTrips(pipe, page, RUNS, DB_NAME);
    await sleep(SETTLE_MS);
    const edits = await editRoundTrips(pipe, page, RUNS, DB_NAME);
    await cdp.send('Target.closeTarget', { targetId: page });
    const popup = await popupTimeUnattached();
    const heap = await popupHeap(pipe, manifest.action.default_popup, quick ? 1 : 3, 1000);
    return { ...edits, justLoaded: loading.edit, popup, heap };
  };
  const small = await atScale(500);
  const large = await atScale(50_000);
  if (late) console.warn(`${late} popup opening(s) had not drawn after 1.5 s and were read with a debugger attached.`);
  row(
    'popup: time to first rows, 5,000 invitations',
    ms(full.shown),
    `0 invitations ${ms(empty.shown)} → ${(full.shown / empty.shown).toFixed(2)}× (HTML parsed at ${ms(full.parsed)})`,
    '≤ 150 ms',
    full.shown <= 150,
  );
  row(
    'one edit round trip (note, hide, status), 50,000 records',
    ms(large.edit),
    `the record read and put back raw ${ms(large.put)} → ${(large.edit / large.put).toFixed(1)}× (500 records: ${ms(small.edit)}; right after writing the 50,000: ${ms(large.justLoaded)})`,
    '≤ 50 ms, ≤ 3× raw read and put',
    large.edit <= 50 && large.edit <= 3 * large.put,
  );
  row(
    'popup: time to first rows, 50,000 records',
    ms(large.popup.shown),
    `500 records ${ms(small.popup.shown)} → ${(large.popup.shown / small.popup.shown).toFixed(2)}×`,
    '≤ 1.3× at 500',
    large.popup.shown <= 1.3 * small.popup.shown,
  );
  row(
    'popup: JS heap once its counts show, 50,000 records',
    mb(large.heap),
    `500 records ${mb(small.heap)} → ${(large.heap / small.heap).toFixed(2)}×`,
    '≤ 2× at 500',
    large.heap <= 2 * small.heap,
  );
} finally {
  await pipe.close();
}
const { empty: emptyAttached, full: fullAttached } = popupAttached;
row(
  'popup: time to first rows, 5,000 invitations — debugger attached, for comparison',
  ms(fullAttached.shown),
  `0 invitations ${ms(emptyAttached.shown)} → ${(fullAttached.shown / emptyAttached.shown).toFixed(2)}× (HTML parsed at ${ms(fullAttached.parsed)})`,
  'none (informational)',
  null,
);

// Backup, restore and CSV at 50,000 records (issue 20), in a browser of their own.
rows.push(...(await backupBenchRows({ quick })));

// Gzip size of each built entry, everything it loads included. The worker's budget was 25 KB
// until December 2026, set at 23 KB before six issues' features (accounts, Connections readings,
// LinkedIn's export, reminders, follow-ups, count facts) grew it to 28.6 KB; 30 KB still catches
// a dependency slipping in. What its size costs: the worker evaluates its script in ~10 ms at each
// start (2.8 of them the polyfill's setup, ~6 zod's schemas) and answers a first message ~40 ms
// after being woken.
/** @type {[name: string, entry: string, budgetKb: number][]} */
const sizes = [
  ['content script, Sent page', manifest.content_scripts[0].js[0], 15],
  ['content script, Connections page', manifest.content_scripts[1].js[0], 15],
  ['popup', manifest.action.default_popup, 40],
  ['worker', manifest.background.service_worker, 30],
];
for (const [name, entry, budgetKb] of sizes) {
  const { files, bytes } = entryGzip(entry);
  row(
    `gzip size: ${name} (${files.length} file${files.length === 1 ? '' : 's'})`,
    kb(bytes),
    `budget ${budgetKb} KB → ${((bytes / 1024 / budgetKb) * 100).toFixed(0)}%`,
    `≤ ${budgetKb} KB`,
    bytes <= budgetKb * 1024,
  );
}

// ── report ──

const cpus = os.cpus();
const machine = [
  `- OS: ${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
  `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores`,
  `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `- Load average (1 min): ${loadAtStart.toFixed(2)} at the start, ${loadAverage().toFixed(2)} at the end`,
  `- Node ${process.version}, ${chromiumVersion()} (headless), playwright-core`,
  `- ${RUNS} runs per figure (merge: ${quick ? 3 : 7}), median, after one warm-up run (the parser: ${PARSER_WARM_UPS}); each figure run by turns with its baseline`,
];
const table = tableOf(rows);
const over = rows.filter((r) => r.ok === false).length;
const method =
  'Popup budget row: popup opened with no debugger attached; read afterwards (the comparison row: opened by Playwright, debugger attached).';
const md = `# Lapse benchmark\n\nRun ${new Date().toISOString()} with \`npm run bench\`.\n\n${machine.join('\n')}\n\n${table}\n\n${method}\n\n${
  over ? `${over} figure${over === 1 ? ' is' : 's are'} over budget.` : 'Every figure is within budget.'
}\n`;
writeFileSync(join(ROOT, 'bench', 'results.md'), md);
console.log(
  `\n${machine.join('\n')}\n\n${table}\n\n${method}\n\n${over ? `${over} over budget` : 'all within budget'}; written to ${relative(ROOT, join(ROOT, 'bench', 'results.md'))}`,
);
process.exitCode = 0;
