// @ts-check
/**
 * The backup, restore and CSV rows of `npm run bench` (issue 20), in a browser of their own: a
 * 50,000-record ledger in the extension's own database, worked on from an extension page exactly
 * as the options page and the popup do (bench/entries/backup-bench.ts), each figure next to a
 * baseline measured in the same run. `node scripts/lib/bench-backup.mjs [--quick]` (after
 * `npm run build`) runs these rows alone; LAPSE_BENCH_TRACE=1 prints each step's time.
 */
import { pathToFileURL } from 'node:url';
import { bundleEntry, median, ms } from './bench-tools.mjs';
import { launchWithExtension } from './browser.mjs';

const RECORDS = Number(process.env.LAPSE_BENCH_RECORDS ?? 50_000);
/** Characters of note per record: 50,000 of them make a backup of about 100 MB. */
const LONG_NOTE = 1_700;

/** @param {number} bytes */
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** @typedef {typeof import('../../bench/entries/backup-bench')} BackupBench */
/** @typedef {import('../in-page').NumberFunctions<BackupBench>} Timed */

/**
 * Runs the rows; returns them as { what, figure, baseline, budget, ok }.
 * @param {{ quick?: boolean }} [options]
 */
export async function backupBenchRows({ quick = false } = {}) {
  const runs = quick ? 1 : 3;
  const csvRuns = quick ? 3 : 7;
  const code = await bundleEntry('bench/entries/backup-bench.ts', 'LapseBackupBench');
  const lapse = await launchWithExtension({ headless: true });
  const rows = [];
  try {
    const page = await lapse.context.newPage();
    await page.goto(lapse.url('manifest.json'));
    await page.evaluate(code);
    /**
     * @template {keyof BackupBench} K
     * @param {K} name
     * @param {Parameters<BackupBench[K]>} args
     * @returns {Promise<Awaited<ReturnType<BackupBench[K]>>>}
     */
    const call = async (name, ...args) => {
      const started = Date.now();
      const out = await page.evaluate(
        // Any of the entry's functions, with the arguments `call`'s signature checked against it.
        ([n, a]) => /** @type {(...args: unknown[]) => unknown} */ (window.LapseBackupBench[n])(...a),
        /** @type {[K, unknown[]]} */ ([name, args]),
      );
      if (process.env.LAPSE_BENCH_TRACE) console.error(`  ${name}: ${Date.now() - started} ms`);
      return /** @type {Awaited<ReturnType<BackupBench[K]>>} */ (out);
    };
    /**
     * @param {Timed} name
     * @param {Timed} baseline
     * @param {number} n
     * @returns {Promise<[number, number]>}
     */
    const pair = async (name, baseline, n) => {
      const xs = [];
      const ys = [];
      for (let i = 0; i < n; i++) {
        xs.push(await call(name));
        ys.push(await call(baseline));
      }
      return [median(xs), median(ys)];
    };

    // CSV: 50,000 ordinary records (short notes), as "Everything" exports them.
    await call('makeLedger', RECORDS, 0);
    if ((await call('fillLedger')) !== RECORDS) throw new Error('the ledger does not hold 50,000 records');
    await call('csv');
    const [csv, inMemory] = await pair('csv', 'csvInMemory', csvRuns);
    rows.push({
      what: 'CSV export of 50,000 rows (database → Blob)',
      figure: ms(csv),
      baseline: `toCsv of the same records in memory ${ms(inMemory)} → ${(csv / inMemory).toFixed(2)}×`,
      budget: '≤ 1,500 ms',
      ok: csv <= 1500,
    });

    // Backup and restore: 50,000 records with long notes, a backup of about 100 MB.
    await call('makeLedger', RECORDS, LONG_NOTE);
    if ((await call('fillLedger')) !== RECORDS) throw new Error('the ledger does not hold 50,000 records');
    await call('backup');
    const bytes = await call('backupBytes');
    await call('prepareBlobBaseline');
    if (process.env.LAPSE_BENCH_TRACE) console.error(await call('profileRestore'));
    const [backup, blobWrite] = await pair('backup', 'blobWrite', runs);
    rows.push({
      what: `backup download, 50,000 records with long notes (${mb(bytes)})`,
      figure: ms(backup),
      baseline: `same bytes into a Blob ${ms(blobWrite)} → ${(backup / blobWrite).toFixed(1)}×`,
      budget: '≤ 1.5× Blob write',
      ok: backup <= 1.5 * blobWrite,
    });
    const [restore, blobAgain] = await pair('restore', 'blobWrite', runs);
    const rawPut = await call('rawPut');
    rows.push({
      what: `restore of that backup into an empty ledger (${mb(bytes)}, batches through the worker)`,
      figure: ms(restore),
      baseline: `same bytes into a Blob ${ms(blobAgain)} → ${(restore / blobAgain).toFixed(1)}×; raw put of the records ${ms(rawPut)} → ${(restore / rawPut).toFixed(2)}×`,
      budget: '≤ 1.5× Blob write',
      ok: restore <= 1.5 * blobAgain,
    });
  } finally {
    await lapse.close();
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await backupBenchRows({ quick: process.argv.includes('--quick') });
  for (const r of rows)
    console.log(`| ${r.what} | ${r.figure} | ${r.baseline} | ${r.budget} | ${r.ok ? 'yes' : 'OVER'} |`);
}
