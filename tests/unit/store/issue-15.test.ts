import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { InvitationRecord as RecordSchema } from '../../../src/model/invitation';
import type { SentPageReading } from '../../../src/model/reading';
import type { LapseDb } from '../../../src/store/db';
import {
  applyReading,
  applyWithdrawObserved,
  exportBackup,
  getAllRecords,
  importBackup,
  lastReadings,
  setHidden,
  setNote,
  setStatus,
} from '../../../src/store/ledger';
import { mergeReading } from '../../../src/store/merge';
import { FIELD_POLICY } from '../../../src/store/merge-core';
import { byId, DAY, NOW, person, reading, record, T0 } from './builders';
import { openTestDb } from './open-test-db';

/** One test per finding of issue 15 that the store owns; each failed before its fix. */
let db: LapseDb;
beforeEach(async () => {
  db = await openTestDb();
});
afterEach(() => db.close());

const HOUR = 3_600_000;
const one = async (id: string) => (await getAllRecords(db)).find((r) => r.id === id)!;
const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const withLoadedAt = (r: SentPageReading, loadedAt: number): SentPageReading => ({ ...r, loadedAt });

describe('the merge core covers every field of the record', () => {
  it('has a policy for every field the schema declares, and none it does not', () => {
    expect(Object.keys(FIELD_POLICY).sort()).toEqual(Object.keys(RecordSchema.shape).sort());
  });
});

describe('finding 2: restoring a backup keeps every fact and says "unchanged"', () => {
  it('keeps acceptedAt and sentExact when the backup holds the same person, and reports unchanged', async () => {
    const exact = record('ada', {
      sent: { earliest: T0 - 40 * DAY, latest: T0 - 40 * DAY + 59_999 },
      sentExact: true,
      acceptedAt: { earliest: T0 - 5 * DAY, latest: T0 - 4 * DAY - 1 },
      status: 'accepted',
      statusSetBy: 'import',
      inviteMessage: 'Hello Ada',
    });
    await importBackup(
      db,
      roundTrip({ format: 'lapse-backup', version: 1, exportedAt: T0, invitations: [exact] }),
      NOW,
    );
    const backup = roundTrip(await exportBackup(db, {}, T0));
    const report = await importBackup(db, backup, NOW);
    expect(report).toMatchObject({ imported: 0, unchanged: 1, rejected: [] });
    expect(await one('ada')).toEqual(exact);
  });

  it('a coarse label read after a restore does not replace the exact date the backup kept', async () => {
    const minute = { earliest: T0 - 40 * DAY, latest: T0 - 40 * DAY + 59_999 };
    await applyReading(db, reading(T0 - 30 * DAY, [person('ada', T0 - 30 * DAY)]), NOW);
    const backup = {
      format: 'lapse-backup',
      version: 1,
      exportedAt: T0,
      invitations: [{ ...(await one('ada')), sent: minute, sentExact: true }],
    };
    await importBackup(db, roundTrip(backup), NOW);
    await applyReading(
      db,
      reading(T0, [person('ada', T0, { sent: { earliest: T0 - 9 * DAY, latest: T0 - 2 * DAY } })]),
      NOW,
    );
    expect(await one('ada')).toMatchObject({ sent: minute, sentExact: true });
  });
});

describe('finding 3: an older backup restored on top never reverts newer user edits', () => {
  it('keeps un-hiding, a cleared note and a status set back to pending', async () => {
    await applyReading(db, reading(T0, [person('ada', T0)]), NOW);
    await setHidden(db, 'ada', true, T0 + HOUR);
    await setNote(db, 'ada', 'met at PyCon', T0 + HOUR);
    await setStatus(db, 'ada', 'accepted', T0 + HOUR);
    const older = roundTrip(await exportBackup(db, {}, T0 + HOUR));
    await setHidden(db, 'ada', false, T0 + 2 * HOUR);
    await setNote(db, 'ada', null, T0 + 2 * HOUR);
    await setStatus(db, 'ada', 'pending', T0 + 2 * HOUR);
    const edited = await one('ada');
    const report = await importBackup(db, older, NOW);
    expect(report).toMatchObject({ imported: 0, unchanged: 1 });
    expect(await one('ada')).toEqual(edited);
    expect(edited).toMatchObject({ hidden: false, note: null, status: 'pending', statusSetBy: 'user' });
  });

  it('takes the backup’s edits when they are the newer ones', async () => {
    await applyReading(db, reading(T0, [person('ada', T0)]), NOW);
    const before = roundTrip(await exportBackup(db, {}, T0));
    const ada = before.invitations[0]!;
    const newer = {
      ...before,
      invitations: [{ ...ada, hidden: true, hiddenChangedAt: T0 + HOUR, note: 'n', noteChangedAt: T0 + HOUR }],
    };
    await importBackup(db, newer, NOW);
    expect(await one('ada')).toMatchObject({ hidden: true, note: 'n' });
  });
});

describe('finding 4: a complete reading that lists a person undoes an older scan-set withdrawal', () => {
  it('tracks the re-invitation as pending again', async () => {
    await applyReading(db, reading(T0, [person('ada', T0)]), NOW);
    await applyWithdrawObserved(
      db,
      { profileUrl: 'https://www.linkedin.com/in/ada/', name: 'Ada', at: T0 + HOUR },
      NOW,
    );
    expect((await one('ada')).status).toBe('withdrawn');
    await applyReading(db, reading(T0 + 20 * DAY, [person('ada', T0 + 20 * DAY)]), NOW);
    expect(await one('ada')).toMatchObject({ status: 'pending', statusSetBy: 'scan', statusChangedAt: T0 + 20 * DAY });
  });

  it('never undoes a withdrawal the user set, nor one newer than the list', async () => {
    await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), NOW);
    await setStatus(db, 'ada', 'withdrawn', T0 + HOUR);
    await applyWithdrawObserved(
      db,
      { profileUrl: 'https://www.linkedin.com/in/bob/', name: 'Bob', at: T0 + 2 * HOUR },
      NOW,
    );
    const stale = withLoadedAt(reading(T0 + 3 * HOUR, [person('ada', T0), person('bob', T0)]), T0 + HOUR);
    await applyReading(db, stale, NOW);
    expect((await one('ada')).status).toBe('withdrawn');
    expect((await one('bob')).status).toBe('withdrawn');
  });
});

describe('finding 5: a stale tab cannot undo a newer complete reading', () => {
  it('does not bring back someone a newer reading marked gone, nor mark gone someone it missed', async () => {
    await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), NOW);
    // A fresh tab: Ada is gone, Cy arrived.
    await applyReading(db, reading(T0 + DAY, [person('bob', T0 + DAY), person('cy', T0 + DAY)]), NOW);
    // The old tab, loaded before that, re-reads its old list after a small DOM change.
    const stale = withLoadedAt(reading(T0 + 2 * DAY, [person('ada', T0), person('bob', T0)]), T0 + HOUR);
    const outcome = await applyReading(db, stale, NOW);
    expect(outcome.markedGone).toBe(0);
    expect((await one('ada')).status).toBe('gone');
    expect((await one('cy')).status).toBe('pending');
    // And it does not pass for the latest complete reading.
    expect((await lastReadings(db)).lastCompleteReading).toMatchObject({ at: T0 + DAY });
  });
});

describe('finding 6: a reading stamped in the future never blocks later ones', () => {
  it('refuses a reading stamped ahead of the worker’s clock, logging why', async () => {
    await applyReading(db, reading(T0, [person('ada', T0), person('bob', T0)]), T0);
    const ahead = reading(T0 + 30 * DAY, [person('ada', T0 + 30 * DAY)]);
    const outcome = await applyReading(db, ahead, T0 + HOUR);
    expect(outcome.logEntry).toMatchObject({
      failed: true,
      failure: { code: 'clock-ahead', minutes: 30 * 24 * 60 - 60 },
    });
    expect((await one('ada')).lastSeenAt).toBe(T0);
    await applyReading(db, reading(T0 + 2 * HOUR, [person('ada', T0 + 2 * HOUR)]), T0 + 2 * HOUR);
    expect((await one('bob')).status).toBe('gone');
  });

  it('once the clock is corrected, stamps it left ahead do not stop complete readings marking people gone', async () => {
    // The worker's clock was 30 days ahead too, so nothing could tell at the time.
    await applyReading(
      db,
      reading(T0 + 30 * DAY, [person('ada', T0 + 30 * DAY), person('bob', T0 + 30 * DAY)]),
      T0 + 30 * DAY,
    );
    for (let day = 1; day <= 4; day++) {
      const at = T0 + day * DAY;
      await applyReading(db, reading(at, day === 1 ? [person('ada', at)] : [person('ada', at)]), at);
    }
    expect((await one('bob')).status).toBe('gone');
    expect((await lastReadings(db)).lastCompleteReading).toMatchObject({ at: T0 + 4 * DAY });
  });
});

describe('finding 9: hostile values are refused with a reason', () => {
  it('refuses a backup row with firstSeenAt 8.7e15, naming the field, and keeps the others', async () => {
    const good = record('ada');
    const bad = { ...record('bob'), firstSeenAt: 8.7e15 };
    const report = await importBackup(
      db,
      roundTrip({ format: 'lapse-backup', version: 1, exportedAt: T0, invitations: [good, bad] }),
      NOW,
    );
    expect(report.imported).toBe(1);
    expect(report.rejected).toEqual([
      { index: 1, reason: expect.stringContaining('firstSeenAt: must be a moment in the years 2003 to 9999') },
    ]);
  });

  it('refuses a reading timestamp before 2003 at the schema', () => {
    expect(RecordSchema.safeParse(record('ada', { lastSeenAt: 1_000 })).success).toBe(false);
  });
});

describe('finding 10: the conflict log is idempotent for exact-dated records', () => {
  it('records the same contradicting reading once, however often it is applied', () => {
    const minute = { earliest: T0 - 100 * DAY, latest: T0 - 100 * DAY + 59_999 };
    let ledger = byId([record('ada', { sent: minute, sentExact: true })]);
    const contradicting = reading(T0, [person('ada', T0)], 'partial');
    for (let i = 0; i < 3; i++) {
      const { upserts } = mergeReading(ledger, contradicting, null, NOW);
      ledger = byId([...ledger.values(), ...upserts]);
    }
    const ada = ledger.get('ada') as InvitationRecord;
    expect(ada.conflicts).toHaveLength(1);
    expect(ada.sent).toEqual(minute);
  });
});
