import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FOLLOW_UPS } from '../../../src/model/invitation';
import type { LapseDb } from '../../../src/store/db';
import {
  applyReading,
  clearLedger,
  exportBackup,
  getAllRecords,
  importBackup,
  logFollowUp,
  setSnooze,
  undoFollowUp,
} from '../../../src/store/ledger';
import { DAY, NOW, person, reading, record, T0 } from './builders';
import { openTestDb } from './open-test-db';

let db: LapseDb;
beforeEach(async () => {
  db = await openTestDb();
  await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), T0);
});
afterEach(() => db.close());

const ada = async () => (await getAllRecords(db)).find((r) => r.id === 'ada')!;
const HOUR = 3_600_000;

describe('the follow-up log', () => {
  it('logs follow-ups oldest first, with channel and template, stamped with the time of the edit', async () => {
    await logFollowUp(db, 'ada', { at: T0 + 2 * DAY, channel: 'email', template: 'follow-up' }, T0 + 2 * DAY);
    await logFollowUp(db, 'ada', { at: T0 + DAY, channel: 'in-person' }, T0 + 3 * DAY);
    expect(await ada()).toMatchObject({
      followUps: [
        { at: T0 + DAY, channel: 'in-person' },
        { at: T0 + 2 * DAY, channel: 'email', template: 'follow-up' },
      ],
      followUpsChangedAt: T0 + 3 * DAY,
    });
  });

  it('survives later scans, complete or partial', async () => {
    await logFollowUp(db, 'ada', { at: T0 + HOUR, template: 'act-now' }, T0 + HOUR);
    await applyReading(db, reading(T0 + DAY, [person('ada', T0 + DAY)]), T0 + DAY);
    await applyReading(db, reading(T0 + 2 * DAY, [], 'failed'), T0 + 2 * DAY);
    expect((await ada()).followUps).toEqual([{ at: T0 + HOUR, template: 'act-now' }]);
  });

  it('undo takes back exactly the follow-up logged at that moment; undoing again changes nothing', async () => {
    await logFollowUp(db, 'ada', { at: T0 + HOUR, channel: 'email' }, T0 + HOUR);
    await logFollowUp(db, 'ada', { at: T0 + 2 * HOUR, channel: 'inmail' }, T0 + 2 * HOUR);
    await undoFollowUp(db, 'ada', T0 + 2 * HOUR, T0 + 3 * HOUR);
    const after = await ada();
    expect(after).toMatchObject({
      followUps: [{ at: T0 + HOUR, channel: 'email' }],
      followUpsChangedAt: T0 + 3 * HOUR,
    });
    await undoFollowUp(db, 'ada', T0 + 2 * HOUR, T0 + 4 * HOUR);
    expect(await ada()).toEqual(after);
  });

  it('refuses a follow-up dated in the future, and more than the log keeps, changing nothing', async () => {
    await expect(logFollowUp(db, 'ada', { at: T0 + DAY }, T0)).rejects.toThrow(/future/);
    for (let i = 0; i < MAX_FOLLOW_UPS; i++) await logFollowUp(db, 'ada', { at: T0 + i }, T0 + HOUR);
    const full = await ada();
    await expect(logFollowUp(db, 'ada', { at: T0 }, T0 + HOUR)).rejects.toThrow(/20/);
    expect(await ada()).toEqual(full);
    await expect(logFollowUp(db, 'nobody', { at: T0 }, T0)).rejects.toThrow(/nobody/);
  });
});

describe('snooze', () => {
  it('snoozes until a date and wakes, each stamped; a snooze must end after now', async () => {
    await setSnooze(db, 'ada', T0 + 7 * DAY, T0 + HOUR);
    expect(await ada()).toMatchObject({ snoozedUntil: T0 + 7 * DAY, snoozeChangedAt: T0 + HOUR });
    await setSnooze(db, 'ada', null, T0 + 2 * HOUR);
    expect(await ada()).toMatchObject({ snoozedUntil: null, snoozeChangedAt: T0 + 2 * HOUR });
    await expect(setSnooze(db, 'ada', T0, T0 + HOUR)).rejects.toThrow(/after now/);
  });
});

describe('backups with follow-ups and snoozes', () => {
  it('round-trip: export → wipe → import gives back the same log, snooze and edit times', async () => {
    await logFollowUp(db, 'ada', { at: T0 + HOUR, channel: 'comment', template: 'engage' }, T0 + HOUR);
    await logFollowUp(db, 'ada', { at: T0 + DAY, channel: 'other' }, T0 + DAY);
    await setSnooze(db, 'bob', T0 + 10 * DAY, T0 + DAY);
    const before = await exportBackup(db, {}, T0 + 2 * DAY);
    await clearLedger(db);
    const report = await importBackup(db, JSON.parse(JSON.stringify(before)), NOW);
    expect(report).toMatchObject({ imported: 2, rejected: [] });
    expect(await exportBackup(db, {}, T0 + 2 * DAY)).toEqual(before);
  });

  it('an old backup, written before follow-ups existed, restores losslessly and adds no field', async () => {
    // A version-1 backup's row: no account, no follow-ups, no snooze, no edit times for them.
    const old = record('cy', { note: 'from 2025', noteChangedAt: T0 });
    expect(Object.keys(old)).not.toContain('followUps');
    await clearLedger(db);
    const report = await importBackup(
      db,
      { format: 'lapse-backup', version: 1, exportedAt: T0, settings: {}, invitations: [old] },
      NOW,
    );
    expect(report).toMatchObject({ imported: 1, rejected: [] });
    expect(await getAllRecords(db)).toEqual([old]);
  });

  it('an older backup cannot undo a later follow-up or snooze; a later undo in a backup does', async () => {
    const older = await exportBackup(db, {}, T0);
    await logFollowUp(db, 'ada', { at: T0 + HOUR }, T0 + HOUR);
    await setSnooze(db, 'ada', T0 + 9 * DAY, T0 + HOUR);
    await importBackup(db, older, NOW);
    expect(await ada()).toMatchObject({ followUps: [{ at: T0 + HOUR }], snoozedUntil: T0 + 9 * DAY });

    const withLog = await exportBackup(db, {}, T0 + HOUR);
    await undoFollowUp(db, 'ada', T0 + HOUR, T0 + 2 * HOUR);
    await setSnooze(db, 'ada', null, T0 + 2 * HOUR);
    const undone = await exportBackup(db, {}, T0 + 2 * HOUR);
    await importBackup(db, withLog, NOW);
    expect(await ada()).toMatchObject({ followUps: [], snoozedUntil: null });
    // On another device that still has the log, the later undo from this one wins.
    await clearLedger(db);
    await importBackup(db, withLog, NOW);
    await importBackup(db, undone, NOW);
    expect(await ada()).toMatchObject({ followUps: [], snoozedUntil: null, followUpsChangedAt: T0 + 2 * HOUR });
  });
});
