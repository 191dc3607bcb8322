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
import { openLapseDb } from '../../src/store/db';
import { applyReading, exportBackup, getAllRecords } from '../../src/store/ledger';

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

/** Merge a complete reading of N into a ledger already holding the same N (seen a day earlier). */
export async function merge(): Promise<number> {
  if (!reading) throw new Error('parse() first');
  const db = await freshDb();
  const dayBefore = reading.observedAt - 86_400_000;
  const earlier = { ...reading, observedAt: dayBefore, loadedAt: dayBefore };
  await applyReading(db, earlier, dayBefore);
  const later = { ...reading, observedAt: reading.observedAt, loadedAt: reading.observedAt };
  const ms = await timeAsync(() => applyReading(db, later, reading!.observedAt));
  records = await getAllRecords(db);
  db.close();
  return ms;
}

/** The baseline: raw put of the same N records in one transaction. */
export async function rawPut(): Promise<number> {
  if (records.length === 0) throw new Error('merge() first');
  const db = await freshDb();
  // As the store keeps them: each record in its account's ledger (the first, unnamed one here).
  const stored = records.map((r) => ({ ...r, account: '' }));
  const ms = await timeAsync(async () => {
    const tx = db.transaction('invitations', 'readwrite');
    await Promise.all([...stored.map((r) => tx.store.put(r)), tx.done]);
  });
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

export function keepAlive(): number {
  return sink;
}
