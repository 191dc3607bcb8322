/**
 * Bundled (IIFE) and evaluated in an extension page (its origin holds the extension's database)
 * by scripts/lib/bench-backup.mjs: backup, restore and CSV of a 50,000-record ledger, each next
 * to its baseline. Exposed as `window.LapseBackupBench`; timed functions return milliseconds.
 */
import type { InvitationRecord } from '../../src/model/invitation';
import { type PageMessage, PageReplies } from '../../src/model/messages';
import type { MessageOf } from '../../src/model/protocol';
import { defaultSettings } from '../../src/model/settings';
import { checkBackupFile, restoreFile } from '../../src/options/restore-file';
import { resolveSettings } from '../../src/rules';
import { toCsv } from '../../src/shared/csv';
import { typedSender } from '../../src/shared/reply';
import { csvBlob } from '../../src/shared/ui/csv-stream';
import { BACKUP_PAGE_SIZE, backupBlob } from '../../src/store/backup-stream';
import { getDb } from '../../src/store/db';
import { forEachPage } from '../../src/store/paging';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 2, 12);
const settings = defaultSettings();
const STATUSES = ['pending', 'pending', 'pending', 'accepted', 'gone', 'withdrawn'] as const;

let records: InvitationRecord[] = [];
let lastBackup: Blob | null = null;
let backupPieces: string[] = [];

const send = typedSender<PageMessage, typeof PageReplies>(PageReplies, (message) =>
  chrome.runtime.sendMessage(message),
);

/** A note of about `chars` characters, different for each person (a user's long notes). */
function noteOf(i: number, chars: number): string | null {
  if (chars === 0) return i % 7 === 0 ? `Met at event ${i % 40}` : null;
  const line = `Call notes ${i}: discussed the role, budget, timing; follow up — ação, Zoë. `;
  return line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
}

/** `n` valid records, sent over the last two years, statuses mixed; notes of `noteChars` each. */
export function makeLedger(n: number, noteChars: number): number {
  records = Array.from({ length: n }, (_, i) => {
    const sent = NOW - (i % 700) * DAY;
    const status = STATUSES[i % STATUSES.length] as InvitationRecord['status'];
    const note = noteOf(i, noteChars);
    return {
      id: `person-${i}`,
      profileUrl: `https://www.linkedin.com/in/person-${i}/`,
      name: `Person ${i} Example`,
      headline: i % 5 === 0 ? null : `Engineering manager at Company ${i % 300}`,
      sentLabel: 'Sent 3 weeks ago',
      sent: { earliest: sent - 7 * DAY, latest: sent },
      conflicts: [],
      firstSeenAt: sent,
      lastSeenAt: NOW - (i % 30) * DAY,
      status,
      statusChangedAt: sent + DAY,
      statusSetBy: i % 11 === 0 ? 'user' : 'scan',
      hidden: i % 13 === 0,
      note,
      ...(note ? { noteChangedAt: sent + 2 * DAY } : {}),
      inviteMessage: i % 3 === 0 ? `Hi, I'd like to connect (${i}).` : null,
    };
  });
  return records.length;
}

/** Empties the extension's ledger (through the worker), then writes `records` raw: setup, not timed. */
export async function fillLedger(): Promise<number> {
  await send({ type: 'delete-all' });
  await rawPut();
  return (await getDb()).count('invitations');
}

/** The baseline for restore: the same records put raw into the ledger as it stands, 5,000 per transaction. */
export async function rawPut(): Promise<number> {
  const db = await getDb();
  const start = performance.now();
  for (let i = 0; i < records.length; i += 5000) {
    const tx = db.transaction('invitations', 'readwrite');
    const slice = records.slice(i, i + 5000);
    await Promise.all([...slice.map((r) => tx.store.put({ ...r, account: '' })), tx.done]);
  }
  return performance.now() - start;
}

export async function clearLedger(): Promise<void> {
  await send({ type: 'delete-all' });
}

/** Restore's baseline: the same records put raw into an emptied ledger (the emptying not timed). */
export async function rawPutIntoEmpty(): Promise<number> {
  await clearLedger();
  return rawPut();
}

/** Download backup as the options page makes it: IndexedDB → Blob parts. */
export async function backup(): Promise<number> {
  const db = await getDb();
  const start = performance.now();
  lastBackup = await backupBlob(db, { settings, now: NOW });
  return performance.now() - start;
}

export function backupBytes(): number {
  return lastBackup?.size ?? 0;
}

/**
 * Half of the backup's baseline: what any backup must read — every record, read from IndexedDB in
 * the pages the backup reads them in (paging.ts sizes them by their text; here each record counts
 * as the backup's bytes per record), and nothing done with them.
 */
export async function rawRead(): Promise<number> {
  if (!lastBackup) throw new Error('backup() first');
  const bytesPerRecord = lastBackup.size / records.length;
  const db = await getDb();
  const start = performance.now();
  const tx = db.transaction(['invitations', 'readings', 'meta']);
  let read = 0;
  await forEachPage(tx, 'invitations', null, BACKUP_PAGE_SIZE, (values) => {
    read += values.length;
    return values.length * bytesPerRecord;
  });
  const ms = performance.now() - start;
  if (read !== records.length) throw new Error(`read ${read} of ${records.length} records`);
  return ms;
}

/** The backup's text, held as strings of about 4 MB (what a writer has ready to put in a Blob). */
export async function prepareBlobBaseline(): Promise<number> {
  if (!lastBackup) throw new Error('backup() first');
  const decoder = new TextDecoder();
  backupPieces = [];
  const step = 4 * 1024 * 1024;
  for (let at = 0; at < lastBackup.size; at += step) {
    const bytes = await lastBackup.slice(at, at + step).arrayBuffer();
    backupPieces.push(decoder.decode(bytes, { stream: at + step < lastBackup.size }));
  }
  return backupPieces.length;
}

/** The baseline: the same bytes written to a Blob. */
export function blobWrite(): number {
  const start = performance.now();
  const blob = new Blob(backupPieces, { type: 'application/json' });
  const ms = performance.now() - start;
  if (blob.size !== lastBackup?.size) throw new Error(`baseline wrote ${blob.size} bytes, not ${lastBackup?.size}`);
  return ms;
}

/** Restore the last backup into an emptied ledger, as the options page does; checks all came in. */
export async function restore(): Promise<number> {
  if (!lastBackup) throw new Error('backup() first');
  await clearLedger();
  const start = performance.now();
  const outcome = await restoreFile(lastBackup, { send });
  const ms = performance.now() - start;
  if (outcome.stopped || outcome.report.imported !== records.length) {
    throw new Error(
      `restore: ${JSON.stringify({ ...outcome, report: { ...outcome.report, rejected: outcome.report.rejected.length } })}`,
    );
  }
  return ms;
}

/** CSV of the whole ledger as the popup's "Everything" writes it: IndexedDB → Blob parts. */
export async function csv(): Promise<number> {
  const db = await getDb();
  const resolved = resolveSettings(settings, []);
  const start = performance.now();
  const blob = await csvBlob(db, resolved, NOW);
  const ms = performance.now() - start;
  if (blob.size < records.length * 100) throw new Error(`the CSV holds ${blob.size} bytes`);
  return ms;
}

/** The CSV's baseline: the old way, toCsv over the records already in memory, into one Blob. */
export function csvInMemory(): number {
  const resolved = resolveSettings(settings, []);
  const start = performance.now();
  const blob = new Blob([toCsv(records, resolved, NOW)]);
  const ms = performance.now() - start;
  if (blob.size === 0) throw new Error('empty CSV');
  return ms;
}

/** Where a restore's time goes (for `LAPSE_BENCH_TRACE`): the check pass, and the sends. */
export async function profileRestore(): Promise<Record<string, number>> {
  if (!lastBackup) throw new Error('backup() first');
  await clearLedger();
  const t0 = performance.now();
  await checkBackupFile(lastBackup, {});
  const t1 = performance.now();
  let sending = 0;
  let batches = 0;
  const timedSend = async <K extends PageMessage['type']>(message: MessageOf<PageMessage, K>) => {
    const start = performance.now();
    const reply = await send(message);
    sending += performance.now() - start;
    batches++;
    return reply;
  };
  await restoreFile(lastBackup, { send: timedSend });
  const t2 = performance.now();
  const db = await getDb();
  const t3 = performance.now();
  await db.getAll('invitations');
  const t4 = performance.now();
  return { check: t1 - t0, restore: t2 - t1, sending, batches, getAll: t4 - t3 };
}
