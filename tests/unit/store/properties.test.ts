import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { ReadInvitation } from '../../../src/model/reading';
import { within } from '../../../src/rules/narrow';
import type { LapseDb } from '../../../src/store/db';
import {
  applyReading,
  clearLedger,
  exportBackup,
  getAllRecords,
  importBackup,
  setNote,
  setStatus,
} from '../../../src/store/ledger';
import { sameInterval } from '../../../src/store/merge-core';
import { DAY, NOW, reading, T0 } from './builders';
import { openTestDb } from './open-test-db';

/**
 * Random histories of the Sent page: a handful of people, each truly sent at some moment, read
 * by complete, partial and failed readings at increasing times. Labels are usually honest
 * (an interval around the true time) and sometimes wrong, as LinkedIn's rounding can be.
 */
const SLUGS = ['ada', 'bob', 'cy', 'dee', 'eve', 'fay'];

interface Step {
  gapHours: number;
  kind: 'complete' | 'partial' | 'failed';
  present: boolean[];
  labels: ('honest' | 'unknown' | 'wrong')[];
  /** Before this reading the user may edit one record. */
  edit: { slug: number; what: 'accept' | 'note' | 'none' };
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  gapHours: fc.integer({ min: 0, max: 24 * 20 }),
  kind: fc.constantFrom('complete', 'partial', 'failed'),
  present: fc.array(fc.boolean(), { minLength: SLUGS.length, maxLength: SLUGS.length }),
  labels: fc.array(fc.constantFrom('honest', 'honest', 'honest', 'unknown', 'wrong'), {
    minLength: SLUGS.length,
    maxLength: SLUGS.length,
  }),
  edit: fc.record({ slug: fc.nat(SLUGS.length - 1), what: fc.constantFrom('accept', 'note', 'none', 'none') }),
});
const historyArb = fc.array(stepArb, { minLength: 1, maxLength: 8 });

const SENT_AT = SLUGS.map((_, i) => T0 - (3 + 9 * i) * DAY);

function readingFor(step: Step, at: number) {
  const people: ReadInvitation[] = [];
  SLUGS.forEach((slug, i) => {
    if (!step.present[i]) return;
    const truth = SENT_AT[i]!;
    const label = step.labels[i];
    const sent =
      label === 'unknown'
        ? null
        : label === 'wrong'
          ? { earliest: truth - 400 * DAY, latest: truth - 300 * DAY }
          : { earliest: truth - 2 * DAY, latest: Math.min(at, truth + 2 * DAY) };
    people.push({
      profileUrl: `https://www.linkedin.com/in/${slug}/`,
      name: `${slug} at ${at}`,
      headline: null,
      sentLabel: label === 'unknown' ? 'Envoyé il y a peu' : 'Sent 2 weeks ago',
      sent,
    });
  });
  return reading(at, people, step.kind);
}

const byIdOf = (records: InvitationRecord[]) => new Map(records.map((r) => [r.id, r]));

async function withDb<T>(work: (db: LapseDb) => Promise<T>): Promise<T> {
  const db = await openTestDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

async function replay(
  db: LapseDb,
  history: Step[],
  check?: (before: InvitationRecord[], after: InvitationRecord[], step: Step) => void,
) {
  let at = T0;
  for (const step of history) {
    at += step.gapHours * 3_600_000;
    const slug = SLUGS[step.edit.slug]!;
    const exists = (await getAllRecords(db)).some((r) => r.id === slug);
    if (exists && step.edit.what === 'accept') await setStatus(db, slug, 'accepted', at);
    if (exists && step.edit.what === 'note') await setNote(db, slug, `note before ${at}`, NOW);
    const before = await getAllRecords(db);
    await applyReading(db, readingFor(step, at), NOW);
    check?.(before, await getAllRecords(db), step);
  }
}

describe('merge properties over random histories (fake-indexeddb)', { timeout: 30_000 }, () => {
  it('never deletes a record; partial and failed readings change no status; failed ones change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, (history) =>
        withDb((db) =>
          replay(db, history, (before, after, step) => {
            const next = byIdOf(after);
            for (const record of before) {
              const now = next.get(record.id);
              expect(now, `record ${record.id} disappeared`).toBeDefined();
              if (step.kind !== 'complete') expect(now!.status).toBe(record.status);
              if (step.kind === 'failed') expect(now).toEqual(record);
            }
          }),
        ),
      ),
      { numRuns: 60 },
    );
  });

  it('only narrows send intervals unless a conflict was recorded, and keeps user edits', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, (history) =>
        withDb((db) =>
          replay(db, history, (before, after) => {
            const next = byIdOf(after);
            for (const record of before) {
              const now = next.get(record.id)!;
              // A send interval only narrows, unless the log holds the contradiction that replaced it.
              if (record.sent && !(now.sent && within(now.sent, record.sent))) {
                const logged = now.conflicts.some(
                  (c) => sameInterval(c.kept, now.sent) && sameInterval(c.rejected, record.sent),
                );
                expect(logged, 'a send interval changed beyond narrowing without a logged conflict').toBe(true);
              }
              expect(now.note).toBe(record.note);
              expect(now.hidden).toBe(record.hidden);
              if (record.statusSetBy === 'user' && record.status !== 'pending') {
                expect(now.status).toBe(record.status);
                expect(now.statusChangedAt).toBe(record.statusChangedAt);
              }
            }
          }),
        ),
      ),
      { numRuns: 60 },
    );
  });

  it('merging the same reading twice leaves the same ledger as merging it once', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, stepArb, (history, last) =>
        withDb(async (db) => {
          await replay(db, history);
          const at = T0 + 400 * DAY;
          await applyReading(db, readingFor(last, at), NOW);
          const once = await getAllRecords(db);
          await applyReading(db, readingFor(last, at), NOW);
          expect(await getAllRecords(db)).toEqual(once);
        }),
      ),
      { numRuns: 60 },
    );
  });

  it('export → wipe → import round-trips any history to an identical ledger', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, (history) =>
        withDb(async (db) => {
          await replay(db, history);
          const backup = await exportBackup(db, {}, T0);
          await clearLedger(db);
          const report = await importBackup(db, JSON.parse(JSON.stringify(backup)), NOW);
          expect(report.rejected).toEqual([]);
          expect(await exportBackup(db, {}, T0)).toEqual(backup);
        }),
      ),
      { numRuns: 40 },
    );
  });
});
