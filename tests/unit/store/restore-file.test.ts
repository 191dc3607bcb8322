import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type PageMessage, PageReplies } from '../../../src/model/messages';
import { typedSender } from '../../../src/shared/reply';
import { closeSharedDb, getDb } from '../../../src/store/db';
import { createFakeBrowser, type FakeBrowser, LINKEDIN_SENDER, POPUP_SENDER } from '../background/fake-browser';
import { DAY, person, reading, T0 } from './builders';

const fake = vi.hoisted(() => ({ browser: null as unknown as FakeBrowser }));
vi.mock('webextension-polyfill', () => ({
  default: new Proxy({}, { get: (_, key) => (fake.browser as unknown as Record<string | symbol, unknown>)[key] }),
}));

const { handleMessage } = await import('../../../src/background/handlers');
const { restoreFile, RestoreFileError } = await import('../../../src/options/restore-file');
const { exportBackup, getAllRecords, setNote } = await import('../../../src/store/ledger');

/** Every message the page sent, and a way to make the worker fail on some of them. */
let sent: PageMessage[];
let failOn: (message: PageMessage, nth: number) => boolean;
const send = typedSender<PageMessage, typeof PageReplies>(PageReplies, async (message) => {
  sent.push(message);
  if (failOn(message, sent.filter((m) => m.type === message.type).length)) throw new Error('worker gone');
  return handleMessage(message, POPUP_SENDER as never);
});
const batches = () => sent.filter((m) => m.type === 'restore-batch');

const PEOPLE = Array.from({ length: 30 }, (_, i) => person(`person-${i}`, T0, { headline: `Héad "${i}" [x]` }));
const records = async () => (await getAllRecords(await getDb())).sort((a, b) => a.id.localeCompare(b.id));

/** A ledger of 30 with a note, its backup as a file, and the ledger as it was. */
async function ledgerAndBackup() {
  const added = await handleMessage({ type: 'reading', reading: reading(T0, PEOPLE) }, LINKEDIN_SENDER as never);
  if (!added.ok) throw new Error(added.error);
  await setNote(await getDb(), 'person-3', 'Met in Porto, "follow up" \\ later', T0 + DAY);
  const backup = await exportBackup(await getDb(), { badgeWeeks: 5 }, T0 + DAY);
  return { file: new Blob([JSON.stringify(backup)]), before: await records(), backup };
}

const deleteAll = () => handleMessage({ type: 'delete-all' }, POPUP_SENDER as never);
// Small chunks and batches: rows split across chunks (mid-record, mid-string), several batches.
const small = { chunkBytes: 97, batchRows: 7, batchChars: 10_000 };

beforeEach(() => {
  fake.browser = createFakeBrowser();
  globalThis.indexedDB = new IDBFactory();
  closeSharedDb();
  sent = [];
  failOn = () => false;
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  closeSharedDb();
  vi.restoreAllMocks();
});

describe('restoring a backup file in parts', () => {
  it('brings back every record from chunks split mid-record, in several batches', async () => {
    const { file, before } = await ledgerAndBackup();
    await deleteAll();
    const progress: number[] = [];
    const outcome = await restoreFile(file, { send, ...small, onProgress: (p) => progress.push(p.done) });
    expect(outcome).toEqual({
      report: { imported: 30, unchanged: 0, rejected: [] },
      rows: 31,
      merged: 31,
      stopped: null,
    });
    expect(await records()).toEqual(before);
    expect(batches().length).toBeGreaterThan(4);
    expect(batches().every((b) => b.type === 'restore-batch' && b.rows.length <= small.batchChars + 2)).toBe(true);
    expect(sent.at(-1)).toEqual({ type: 'restore-finish', settings: { badgeWeeks: 5 } });
    expect(progress.at(-1)).toBe(31);
  });

  it('onto the ledger it was made from: nothing imported, every record unchanged', async () => {
    const { file, before } = await ledgerAndBackup();
    const outcome = await restoreFile(file, { send, ...small });
    expect(outcome.report).toEqual({ imported: 0, unchanged: 30, rejected: [] });
    expect(await records()).toEqual(before);
  });

  it('keeps a note written after the backup was made', async () => {
    const { file } = await ledgerAndBackup();
    await setNote(await getDb(), 'person-3', 'Newer note', T0 + 2 * DAY);
    await restoreFile(file, { send, ...small });
    expect((await records()).find((r) => r.id === 'person-3')?.note).toBe('Newer note');
  });

  it('reports invalid rows by their number in the file and merges the rest', async () => {
    const { backup } = await ledgerAndBackup();
    await deleteAll();
    const damaged = { ...backup, invitations: backup.invitations.map((r, i) => (i === 12 ? { ...r, name: '' } : r)) };
    const outcome = await restoreFile(new Blob([JSON.stringify(damaged)]), { send, ...small });
    expect(outcome.report.imported).toBe(29);
    expect(outcome.report.rejected).toEqual([{ index: 12, reason: expect.stringMatching(/^invitation: name/) }]);
  });

  it.each([
    ['a byte damaged inside a record', (t: string) => t.replace('"person-17"', '"person-17"x'), 'not-json'],
    ['bytes that are not UTF-8', null, 'not-json'],
    ['a file cut short', (t: string) => t.slice(0, Math.floor(t.length * 0.8)), 'truncated'],
    ['a newer backup', (t: string) => t.replace('"version":2', '"version":9'), 'newer-version'],
    ['another format', (t: string) => t.replace('lapse-backup', 'other-app'), 'not-backup'],
  ])('refuses %s before writing anything', async (_, damage, problem) => {
    const { backup } = await ledgerAndBackup();
    await deleteAll();
    sent = [];
    const text = JSON.stringify(backup);
    const bytes = new TextEncoder().encode(text);
    if (!damage) bytes[Math.floor(bytes.length / 2)] = 0xff;
    const file = new Blob([damage ? damage(text) : bytes]);
    const error = await restoreFile(file, { send, ...small }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RestoreFileError);
    expect((error as InstanceType<typeof RestoreFileError>).problem).toBe(problem);
    expect(sent).toEqual([]);
    expect(await records()).toEqual([]);
  });

  it('a worker that keeps failing stops it between batches: what was merged stays, nothing is lost, a second restore finishes', async () => {
    const { file, before } = await ledgerAndBackup();
    await deleteAll();
    // The third batch fails, and so does its retry.
    failOn = (message, nth) => message.type === 'restore-batch' && (nth === 3 || nth === 4);
    const outcome = await restoreFile(file, { send, ...small });
    expect(outcome.stopped).toEqual({ reason: 'failed', message: 'worker gone' });
    expect(outcome.merged).toBe(14);
    const partial = await records();
    expect(partial).toEqual(before.slice(0, 14));
    expect(sent.at(-1)).toEqual({ type: 'restore-finish' });

    failOn = () => false;
    const again = await restoreFile(file, { send, ...small });
    expect(again.report).toEqual({ imported: 16, unchanged: 14, rejected: [] });
    expect(await records()).toEqual(before);
  });

  it('retries a batch once when the worker stopped during it', async () => {
    const { file, before } = await ledgerAndBackup();
    await deleteAll();
    failOn = (message, nth) => message.type === 'restore-batch' && nth === 2;
    const outcome = await restoreFile(file, { send, ...small });
    expect(outcome.stopped).toBeNull();
    expect(await records()).toEqual(before);
  });

  it('cancelled while checking, writes nothing; cancelled later, says how far it got', async () => {
    const { file } = await ledgerAndBackup();
    await deleteAll();
    const early = new AbortController();
    const first = await restoreFile(file, {
      send,
      ...small,
      signal: early.signal,
      onProgress: (p) => p.phase === 'checking' && p.done > 500 && early.abort(),
    });
    expect(first).toMatchObject({ merged: 0, stopped: { reason: 'cancelled' } });
    expect(batches()).toEqual([]);

    const late = new AbortController();
    const second = await restoreFile(file, {
      send,
      ...small,
      signal: late.signal,
      onProgress: (p) => p.phase === 'restoring' && p.done >= 7 && late.abort(),
    });
    expect(second.stopped).toEqual({ reason: 'cancelled' });
    expect(second.merged).toBeGreaterThanOrEqual(7);
    expect(second.merged).toBeLessThan(31);
    expect((await records()).length).toBe(Math.min(second.merged, 30));
  });
});
