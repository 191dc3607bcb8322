import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_ACCOUNTS } from '../../../src/store/backup';
import { backupBlob } from '../../../src/store/backup-stream';
import type { LapseDb } from '../../../src/store/db';
import { applyReading, exportBackup, setNote } from '../../../src/store/ledger';
import { DAY, NOW, person, reading, T0 } from './builders';
import { openTestDb } from './open-test-db';

let db: LapseDb;
beforeEach(async () => {
  db = await openTestDb();
  const people = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => person(`${prefix}-${i}`, T0, { headline: `"Lead" \\ [${i}], {ok}` }));
  await applyReading(db, { ...reading(T0, people('ada', 5)), account: 'ada-lovelace' }, NOW);
  await applyReading(db, { ...reading(T0 + DAY, people('bob', 4), 'partial'), account: 'bob-builder' }, NOW);
  await setNote(db, 'bob-2', 'Line one\nline "two" — ação 👋', T0 + 2 * DAY, 'bob-builder');
});
afterEach(() => db.close());

const settings = { badgeWeeks: 3, templates: { nudge: 'Hi {name}' } };

describe('backupBlob', () => {
  it.each([
    ['the current account', undefined],
    ['a named account', 'ada-lovelace'],
    ['every account', ALL_ACCOUNTS],
  ])('writes %s exactly as the whole-object backup did, page by page', async (_, which) => {
    const expected = JSON.stringify(await exportBackup(db, settings, T0, which));
    for (const pageSize of [1, 2, 3, 1000]) {
      const blob = await backupBlob(db, { settings, now: T0, which, pageSize });
      expect(await blob.text()).toBe(expected);
    }
  });

  it('writes an empty ledger as a backup with empty lists, and leaves out absent settings', async () => {
    const empty = await openTestDb();
    const text = await (await backupBlob(empty, { settings: undefined, now: T0 })).text();
    expect(text).toBe(JSON.stringify(await exportBackup(empty, undefined, T0)));
    expect(JSON.parse(text)).toEqual({
      format: 'lapse-backup',
      version: 2,
      exportedAt: T0,
      account: '',
      invitations: [],
      readings: [],
    });
    empty.close();
  });

  it('reports its progress page by page', async () => {
    const seen: number[] = [];
    await backupBlob(db, {
      settings,
      now: T0,
      which: ALL_ACCOUNTS,
      pageSize: 4,
      onProgress: (p) => seen.push(p.records),
    });
    expect(seen).toEqual([4, 8, 9]);
  });
});
