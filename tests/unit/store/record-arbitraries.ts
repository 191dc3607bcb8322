import fc from 'fast-check';
import type { IntervalConflict, InvitationRecord } from '../../../src/model/invitation';
import type { Interval } from '../../../src/model/time';

/**
 * Arbitraries for every field of InvitationRecord, keyed by the schema's own fields: `-?` makes
 * a field added to the schema without an arbitrary a compile error, and optional fields are
 * produced both present and absent. Small values: a handful of people, moments within a year.
 */
export const SLUGS = ['ada', 'bob', 'cy'] as const;
export const BASE = Date.UTC(2025, 0, 1);
export const DAY = 86_400_000;

const moment = fc.integer({ min: 0, max: 365 * 24 }).map((hours) => BASE + hours * 3_600_000);
export const intervalArb: fc.Arbitrary<Interval> = fc
  .tuple(moment, fc.integer({ min: 0, max: 30 }))
  .map(([earliest, days]) => ({ earliest, latest: earliest + days * DAY }));
const conflictArb: fc.Arbitrary<IntervalConflict> = fc.record({ at: moment, kept: intervalArb, rejected: intervalArb });
const text = (max: number) => fc.string({ minLength: 1, maxLength: max });

type FieldArbs = { [K in keyof InvitationRecord]-?: fc.Arbitrary<InvitationRecord[K]> };

const FIELD_ARBS = (slug: string): FieldArbs => ({
  id: fc.constant(slug),
  profileUrl: fc.constant(`https://www.linkedin.com/in/${slug}/`),
  name: text(12),
  headline: fc.option(text(12), { nil: null }),
  sentLabel: fc.option(fc.constantFrom('Sent 1 week ago', 'Sent 2 months ago'), { nil: null }),
  sent: fc.option(intervalArb, { nil: null }),
  sentExact: fc.boolean(),
  conflicts: fc.array(conflictArb, { maxLength: 3 }),
  firstSeenAt: moment,
  lastSeenAt: moment,
  status: fc.constantFrom('pending', 'gone', 'accepted', 'withdrawn'),
  statusChangedAt: moment,
  statusSetBy: fc.constantFrom('scan', 'user', 'import'),
  hidden: fc.boolean(),
  hiddenChangedAt: moment,
  note: fc.option(text(12), { nil: null }),
  noteChangedAt: moment,
  acceptedAt: fc.option(intervalArb, { nil: null }),
  inviteMessage: fc.option(text(12), { nil: null }),
  followUps: fc.array(
    fc.record(
      {
        at: moment,
        channel: fc.constantFrom('email', 'inmail', 'comment', 'in-person', 'other'),
        template: fc.constantFrom('follow-up', 'act-now', 'engage'),
      },
      { requiredKeys: ['at'] },
    ),
    { maxLength: 3 },
  ),
  followUpsChangedAt: moment,
  snoozedUntil: fc.option(moment, { nil: null }),
  snoozeChangedAt: moment,
});

/** Which optional fields of the schema a record leaves out (each one, sometimes). */
const OPTIONAL_FIELDS = [
  'sentExact',
  'hiddenChangedAt',
  'noteChangedAt',
  'acceptedAt',
  'followUps',
  'followUpsChangedAt',
  'snoozedUntil',
  'snoozeChangedAt',
] as const;

/** Any valid record of one person, every field drawn, optional ones sometimes absent. */
export function recordArb(slug: string): fc.Arbitrary<InvitationRecord> {
  return fc.tuple(fc.record(FIELD_ARBS(slug)), fc.subarray([...OPTIONAL_FIELDS])).map(([record, absent]) => {
    const out: InvitationRecord = {
      ...record,
      firstSeenAt: Math.min(record.firstSeenAt, record.lastSeenAt),
      lastSeenAt: Math.max(record.firstSeenAt, record.lastSeenAt),
    };
    for (const field of absent) delete out[field];
    return out;
  });
}

export const FIELD_NAMES = Object.keys(FIELD_ARBS('x'));

/** A ledger of some of the people. */
export const ledgerArb: fc.Arbitrary<InvitationRecord[]> = fc
  .tuple(...SLUGS.map((slug) => fc.option(recordArb(slug), { nil: undefined })))
  .map((records) => records.filter((r): r is InvitationRecord => r !== undefined));
