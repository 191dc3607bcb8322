import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LapseDb } from '../../../src/store/db';
import {
  applyReading,
  applyWithdrawObserved,
  clearLedger,
  exportBackup,
  getAllRecords,
  importBackup,
  lastReadings,
  setHidden,
  setNote,
  setStatus,
} from '../../../src/store/ledger';
import { DAY, NOW, person, reading, record, T0 } from './builders';
import { openTestDb } from './open-test-db';

let db: LapseDb;
beforeEach(async () => {
  db = await openTestDb();
});
afterEach(() => db.close());

const sorted = async () => (await getAllRecords(db)).sort((a, b) => a.id.localeCompare(b.id));

describe('applyReading', () => {
  it('stores the people read and logs the reading', async () => {
    const outcome = await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), NOW);
    expect(outcome).toMatchObject({ added: 2, updated: 0, markedGone: 0 });
    expect((await sorted()).map((r) => r.id)).toEqual(['ada', 'bob']);
    const { lastReading, lastCompleteReading } = await lastReadings(db);
    expect(lastReading).toMatchObject({ id: 1, at: T0, read: 2, complete: true, added: 2 });
    expect(lastCompleteReading).toEqual(lastReading);
  });

  it('narrows newcomers with the last complete reading stored in the ledger', async () => {
    await applyReading(db, reading(T0 - 6 * DAY, [person('ada', T0 - 6 * DAY)]), NOW);
    await applyReading(db, reading(T0 - 3 * DAY, [person('ada', T0 - 3 * DAY)], 'partial'), NOW);
    await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), NOW);
    const bob = (await sorted())[1]!;
    // Sent between the complete reading six days ago and now; the partial one in between proves nothing.
    expect(bob.sent).toEqual({ earliest: T0 - 6 * DAY, latest: T0 - 4 * DAY });
  });

  it('marks gone only on a complete reading, and a failed reading is logged but changes nothing', async () => {
    await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), NOW);
    const before = await sorted();
    await applyReading(db, reading(T0 + DAY, [], 'failed'), NOW);
    await applyReading(db, reading(T0 + 2 * DAY, [person('ada', T0 + 2 * DAY)], 'partial'), NOW);
    expect((await sorted()).map((r) => r.status)).toEqual(['pending', 'pending']);
    expect((await sorted())[1]).toEqual(before[1]);
    const { lastReading, lastCompleteReading } = await lastReadings(db);
    expect(lastReading).toMatchObject({ complete: false, at: T0 + 2 * DAY });
    expect(lastCompleteReading).toMatchObject({ at: T0 });

    await applyReading(db, reading(T0 + 3 * DAY, [person('ada', T0 + 3 * DAY)]), NOW);
    expect(await sorted()).toMatchObject([
      { id: 'ada', status: 'pending' },
      { id: 'bob', status: 'gone', statusChangedAt: T0 + 3 * DAY },
    ]);
  });

  it('rolls back everything when a record would not validate', async () => {
    await applyReading(db, reading(T0, [person('ada', T0)]), NOW);
    const bad = reading(T0 + DAY, [person('ada', T0 + DAY, { name: '' })], 'partial');
    await expect(applyReading(db, bad, NOW)).rejects.toThrow(/name/);
    expect((await sorted())[0]!.lastSeenAt).toBe(T0);
    expect((await lastReadings(db)).lastReading?.at).toBe(T0);
  });

  it('rolls back the records written before the one that would not validate, and their facts', async () => {
    await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), NOW);
    const recordsBefore = await sorted();
    const factsBefore = await db.getAll('facts');
    // Ada's update is valid and put first; Bob's empty name stops the reading half way.
    const bad = reading(T0 + DAY, [person('ada', T0 + DAY), person('bob', T0 + DAY, { name: '' })]);
    await expect(applyReading(db, bad, NOW)).rejects.toThrow(/name/);
    expect(await sorted()).toEqual(recordsBefore);
    expect(await db.getAll('facts')).toEqual(factsBefore);
    expect((await lastReadings(db)).lastReading?.at).toBe(T0);
  });
});

describe('user edits', () => {
  beforeEach(async () => {
    await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), NOW);
  });

  it('keeps a user-set status, note and hidden flag through later complete scans', async () => {
    await setStatus(db, 'ada', 'accepted', T0 + DAY);
    await setNote(db, 'ada', 'Met at the Lisbon meetup', NOW);
    await setHidden(db, 'bob', true, NOW);
    await applyReading(db, reading(T0 + 2 * DAY, [person('bob', T0 + 2 * DAY)]), NOW);
    expect(await sorted()).toMatchObject([
      {
        id: 'ada',
        status: 'accepted',
        statusSetBy: 'user',
        statusChangedAt: T0 + DAY,
        note: 'Met at the Lisbon meetup',
      },
      { id: 'bob', status: 'pending', hidden: true },
    ]);
  });

  it('refuses an edit to an unknown id, and stores an empty note as none', async () => {
    await expect(setStatus(db, 'nobody', 'accepted', T0)).rejects.toThrow(/nobody/);
    await setNote(db, 'ada', '   ', NOW);
    expect((await sorted())[0]!.note).toBeNull();
  });

  it('records a withdrawal seen on LinkedIn at its exact time', async () => {
    const at = T0 + 3_600_000;
    expect(await applyWithdrawObserved(db, { profileUrl: null, name: 'Bob Example', at }, NOW)).toEqual({
      matched: true,
    });
    expect((await sorted())[1]).toMatchObject({ status: 'withdrawn', statusChangedAt: at, statusSetBy: 'scan' });
    expect(await applyWithdrawObserved(db, { profileUrl: null, name: 'Nobody Here', at }, NOW)).toEqual({
      matched: false,
    });
  });
});

describe('backup', () => {
  it('export → wipe → import gives back an identical ledger', async () => {
    await applyReading(db, reading(T0 - 5 * DAY, [person('ada', T0 - 5 * DAY), person('bob', T0 - 5 * DAY)]), NOW);
    await applyReading(db, reading(T0, [person('ada', T0), person('cy', T0)]), NOW);
    await applyReading(db, reading(T0 + DAY, [], 'failed'), NOW);
    await setNote(db, 'cy', 'Ask about the “Q3 roadmap” <b>talk</b>', NOW);
    await setStatus(db, 'ada', 'accepted', T0 + DAY);

    const before = await exportBackup(db, { badgeWeeks: 4 }, T0 + 2 * DAY);
    const metaBefore = await lastReadings(db);
    const json = JSON.stringify(before);
    expect(await clearLedger(db)).toBe(3);
    expect(await getAllRecords(db)).toEqual([]);

    const report = await importBackup(db, JSON.parse(json), NOW);
    expect(report).toEqual({ imported: 3, unchanged: 0, rejected: [], settings: { badgeWeeks: 4 } });
    const after = await exportBackup(db, { badgeWeeks: 4 }, T0 + 2 * DAY);
    expect(after).toEqual(before);
    expect(await lastReadings(db)).toEqual(metaBefore);
  });

  it('importing the same backup again changes nothing', async () => {
    await applyReading(db, reading(T0, [person('ada', T0)]), NOW);
    const backup = await exportBackup(db, {}, T0);
    const report = await importBackup(db, backup, NOW);
    expect(report).toMatchObject({ imported: 0, unchanged: 1, rejected: [] });
    expect(await exportBackup(db, {}, T0)).toEqual(backup);
  });

  it('restores two identical log entries as two, why they failed included, and a second import adds none', async () => {
    // Two failed looks at the same moment (e.g. two tabs) are two entries of the audit trail.
    await applyReading(db, reading(T0, [], 'failed'), NOW);
    await applyReading(db, reading(T0, [], 'failed'), NOW);
    const backup = await exportBackup(db, {}, T0);
    expect(backup.readings).toHaveLength(2);
    // Why each failed is kept, and comes back with it.
    expect(backup.readings.map((entry) => entry.failure)).toEqual(
      Array(2).fill({ code: 'list-not-recognised', total: 12 }),
    );

    await clearLedger(db);
    await importBackup(db, JSON.parse(JSON.stringify(backup)), NOW);
    expect(await exportBackup(db, {}, T0)).toEqual(backup);
    await importBackup(db, JSON.parse(JSON.stringify(backup)), NOW);
    expect((await exportBackup(db, {}, T0)).readings).toHaveLength(2);
  });

  it('imports the valid rows and reports each rejected one with its index and the field at fault', async () => {
    const good = record('ada');
    const report = await importBackup(
      db,
      {
        format: 'lapse-backup',
        version: 1,
        exportedAt: T0,
        settings: {},
        invitations: [
          good,
          { ...record('bob'), sent: { earliest: T0, latest: T0 - DAY } },
          'junk',
          { ...record('cy'), id: 'mallory' },
        ],
        readings: [{ at: 'yesterday' }],
      },
      NOW,
    );
    expect(report.imported).toBe(1);
    expect(report.rejected.map((r) => r.index)).toEqual([1, 2, 3, 0]);
    expect(report.rejected[0]!.reason).toMatch(/sent\.earliest/);
    expect(report.rejected[3]!.reason).toMatch(/^reading log entry: at/);
    expect(report.rejected[2]!.reason).toMatch(/^invitation: id/);
    expect(await getAllRecords(db)).toEqual([good]);
  });

  it('merges into the ledger instead of replacing it: a newer user status and local notes win', async () => {
    await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), NOW);
    await setNote(db, 'bob', 'local note', NOW);
    const local = await sorted();
    const fromOtherDevice = [
      { ...local[0]!, status: 'accepted', statusSetBy: 'user', statusChangedAt: T0 + DAY, note: 'their note' },
      { ...local[1]!, note: 'their note' },
      record('zed'),
    ];
    const report = await importBackup(
      db,
      {
        format: 'lapse-backup',
        version: 1,
        exportedAt: T0,
        invitations: fromOtherDevice,
      },
      NOW,
    );
    expect(report).toMatchObject({ imported: 2, unchanged: 1, rejected: [] });
    expect(await sorted()).toMatchObject([
      { id: 'ada', status: 'accepted', statusSetBy: 'user', note: 'their note' },
      { id: 'bob', note: 'local note' },
      { id: 'zed' },
    ]);
  });

  it.each([
    ['a dense batch, in reverse order', (id: number) => id >= 8 && id <= 11],
    ['a sparse batch over a larger ledger', (id: number) => id === 1 || id === 18],
  ])('merges %s with the records the ledger holds, and only those', async (_, inBatch) => {
    const people = Array.from({ length: 20 }, (_, i) => person(`p-${String(i).padStart(2, '0')}`, T0));
    await applyReading(db, reading(T0, people), NOW);
    for (const { id } of await sorted()) await setNote(db, id, `local note ${id}`, NOW);
    const backup = await exportBackup(db, {}, T0);
    const rows = backup.invitations.filter((row) => inBatch(Number(row.id.slice(2)))).reverse();
    const [changed, ...same] = rows;
    const fromBackup = [{ ...changed!, status: 'accepted', statusSetBy: 'user', statusChangedAt: NOW + DAY }, ...same];
    const newcomer = record('p-10a');
    const report = await importBackup(db, { ...backup, invitations: [...fromBackup, newcomer], readings: [] }, NOW);
    expect(report).toMatchObject({ imported: 2, unchanged: same.length, rejected: [] });
    const after = await sorted();
    expect(after).toHaveLength(21);
    expect(after.find((r) => r.id === changed!.id)).toMatchObject({
      status: 'accepted',
      note: `local note ${changed!.id}`,
    });
    expect(after.filter((r) => r.note?.startsWith('local note'))).toHaveLength(20);
  });

  it.each([
    [{ format: 'something-else', version: 1, exportedAt: T0, invitations: [] }, /Not a Lapse backup.*format/],
    [{ format: 'lapse-backup', version: 3, exportedAt: T0, invitations: [] }, /newer version of Lapse/],
    ['{"not":"an object"}', /Not a Lapse backup/],
  ])('refuses a file that is not a backup it can read (%#)', async (data, message) => {
    await expect(importBackup(db, data, NOW)).rejects.toThrow(message);
  });
});
