/**
 * Bundled (IIFE) into a page served at https://www.linkedin.com/bench/… by scripts/bench.mjs:
 * each benchmark next to the baseline it is compared with, run in the same page, same run.
 * Exposed as `window.LapseBench`; every function returns milliseconds.
 */
import { recountBadge } from '../../src/background/badge-count';
import { parseSentPage } from '../../src/content/parse';
import { toReading } from '../../src/content/reading';
import type { InvitationRecord } from '../../src/model/invitation';
import type { SentPageReading } from '../../src/model/reading';
import { defaultSettings } from '../../src/model/settings';
import { resolveSettings } from '../../src/rules';
import { toCsv } from '../../src/shared/csv';
import type { LapseDb } from '../../src/store/db';
import { openLapseDb } from '../../src/store/db';
import { applyReading, exportBackup, getAllRecords, importBackup } from '../../src/store/ledger';
import { scaleBackup } from './scale-ledger.js';

const settings = defaultSettings();
let reading: SentPageReading | null = null;
let records: InvitationRecord[] = [];
let sink = 0;

function time(work: () => unknown): number {
  const start = performance.now();
  const out = work();
  const ms = performance.now() - start;
  sink += out ? 1 : 0;
  return ms;
}

async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** What the content script does on a look at the page: parse, then build the reading message. */
export function parse(): number {
  return time(() => {
    const now = Date.now();
    reading = toReading(parseSentPage(document, new Date(now)), location.href, now, now);
    return reading;
  });
}

/** The baseline: a bare querySelectorAll walk reading the same text nodes and links. */
export function walk(): number {
  return time(() => {
    const out: string[] = [];
    for (const item of document.querySelectorAll('[data-testid="lazy-column"] [role="listitem"]')) {
      const link = item.querySelector('a[href*="/in/"]');
      out.push(link?.getAttribute('href') ?? '');
      for (const p of item.querySelectorAll('p')) out.push(p.textContent ?? '');
    }
    return out;
  });
}

export function readCount(): number {
  return reading?.invitations.length ?? -1;
}

let dbCounter = 0;
const freshDb = () => openLapseDb(`bench-${Date.now()}-${dbCounter++}`);

/** The records as the merge found them (the reading a day earlier) and as it wrote them. */
let storedBefore: InvitationRecord[] = [];

/** Merge a complete reading of N into a ledger already holding the same N (seen a day earlier). */
export async function merge(): Promise<number> {
  if (!reading) throw new Error('parse() first');
  const db = await freshDb();
  const dayBefore = reading.observedAt - 86_400_000;
  const earlier = { ...reading, observedAt: dayBefore, loadedAt: dayBefore };
  await applyReading(db, earlier, dayBefore);
  storedBefore = await getAllRecords(db);
  const later = { ...reading, observedAt: reading.observedAt, loadedAt: reading.observedAt };
  const ms = await timeAsync(() => applyReading(db, later, reading!.observedAt));
  records = await getAllRecords(db);
  db.close();
  return ms;
}

/** `rows` put as the store keeps them (each in its account's ledger: the first, unnamed one here), in one transaction. */
async function putAll(db: LapseDb, rows: readonly InvitationRecord[]): Promise<void> {
  const tx = db.transaction('invitations', 'readwrite');
  await Promise.all([...rows.map((r) => tx.store.put({ ...r, account: '' })), tx.done]);
}

/**
 * The baseline: the writes the merge cannot avoid, raw. A reading a day later changes every
 * record it lists (when it was last seen, its send time narrowed), so each is put over the
 * version the ledger holds: the same N records, over the same N, in one transaction.
 */
export async function rawOverwrite(): Promise<number> {
  if (records.length === 0) throw new Error('merge() first');
  const db = await freshDb();
  await putAll(db, storedBefore);
  const ms = await timeAsync(() => putAll(db, records));
  db.close();
  return ms;
}

/** For comparison: the same N records put into an empty store (the merge row's baseline until December 2026). */
export async function rawPut(): Promise<number> {
  if (records.length === 0) throw new Error('merge() first');
  const db = await freshDb();
  const ms = await timeAsync(() => putAll(db, records));
  db.close();
  return ms;
}

export function recordCount(): number {
  return records.length;
}

export function badge(): number {
  return time(() => recountBadge(records, settings, Date.now()));
}

/** The baseline: one bare pass over the same records. */
export function bareCount(): number {
  return time(() => records.filter((r) => r.status === 'pending' && !r.hidden).length);
}

export function csv(): number {
  return time(() => toCsv(records, resolveSettings(settings, records), Date.now()));
}

/** The baseline: the same rows joined with commas, no quoting, no computed columns. */
export function naiveCsv(): number {
  return time(() =>
    records.map((r) => [r.name, r.profileUrl, r.headline ?? '', r.status, r.note ?? ''].join(',')).join('\n'),
  );
}

/** The ledger as a backup file, to load the extension's own store through its import. */
export async function backupJson(): Promise<string> {
  const db = await freshDb();
  if (!reading) throw new Error('parse() first');
  await applyReading(db, reading, reading.observedAt);
  const json = JSON.stringify(await exportBackup(db, settings, Date.now()));
  db.close();
  return json;
}

// ── at scale: the same reading of this page's cards into a ledger of 5,000 and one of 50,000 ──

const scaleDbs = new Map<number, { db: LapseDb; at: number }>();

/**
 * A ledger of `n` records: this page's cards, read once, and the rest of a long-kept ledger
 * (scale-ledger.js), accepted or gone long ago — so a complete reading of the page marks nothing
 * else gone and is the same work whatever the ledger's size, as it should cost.
 */
async function seedScale(n: number): Promise<number> {
  if (!reading) throw new Error('parse() first');
  const db = await freshDb();
  await applyReading(db, reading, reading.observedAt);
  const backup = scaleBackup(n - reading.invitations.length, reading.observedAt);
  for (const record of backup.invitations) if (record.status === 'pending') record.status = 'gone';
  const report = await importBackup(db, backup, reading.observedAt);
  if (report.imported !== backup.invitations.length) throw new Error(`imported ${report.imported} of ${n}`);
  scaleDbs.set(n, { db, at: reading.observedAt });
  return (await db.count('invitations')) === n ? n : -1;
}

/** The page read again a minute later than the last time: every card seen anew, nothing gone. */
async function readingInto(n: number): Promise<number> {
  const scale = scaleDbs.get(n);
  if (!reading || !scale) throw new Error(`seedScale(${n}) first`);
  scale.at += 60_000;
  const again = { ...reading, observedAt: scale.at, loadedAt: scale.at };
  let applied = false;
  const ms = await timeAsync(async () => {
    applied = (await applyReading(scale.db, again, scale.at)).account !== null;
  });
  if (!applied) throw new Error('the reading was held, not applied');
  return ms;
}

export const seedScale5000 = () => seedScale(5000);
export const seedScale50000 = () => seedScale(50_000);
export const readingInto5000 = () => readingInto(5000);
export const readingInto50000 = () => readingInto(50_000);

export function keepAlive(): number {
  return sink;
}
