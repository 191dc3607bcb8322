import fc from 'fast-check';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { ResolvedSettings } from '../../../src/rules';
import { record } from './records';

/** One person in a random ledger: when they were sent (days ago, as a range), and their state. */
export interface Person {
  name: string;
  sent: { youngest: number; spread: number } | null;
  status: InvitationRecord['status'];
  hidden: boolean;
}

/**
 * Random ledgers for the popup's first-rows properties: people sent between 0 and 400 days ago,
 * often on the same coarse label (ties), some resolved or hidden, some with no send time.
 */
export const personArb: fc.Arbitrary<Person> = fc.record({
  name: fc.constantFrom('Ada', 'Bob', 'Cy', 'Dee', 'Ève', 'Zoë', 'ada'),
  sent: fc.option(
    // Hours, not days: records a few hours apart share a day-count and then sort by name.
    fc.record({
      youngest: fc.integer({ min: 0, max: 400 * 24 }).map((h) => h / 24),
      spread: fc.constantFrom(0, 0, 7, 30),
    }),
    { freq: 6 },
  ),
  status: fc.constantFrom<Person['status']>('pending', 'pending', 'pending', 'gone', 'accepted'),
  hidden: fc.constantFrom(false, false, true),
});
/**
 * People as one or a few scans record them: everyone under the same coarse label ("Sent 2
 * months ago") gets the same send interval, so ties run far longer than a page.
 */
export const scannedPersonArb: fc.Arbitrary<Person> = fc.record({
  name: fc.constantFrom('Ada', 'Bob', 'Cy', 'Dee', 'Ève', 'Zoë', 'ada', 'Émile', 'Zed'),
  sent: fc.option(
    fc.record({
      // A label's age, plus when the scan that read it ran (hours apart, or the next day).
      youngest: fc
        .tuple(fc.constantFrom(7, 14, 30, 60, 150, 180), fc.constantFrom(0, 0, 0, 5, 26))
        .map(([days, hours]) => days + hours / 24),
      spread: fc.constantFrom(7, 30),
    }),
    { freq: 12 },
  ),
  status: fc.constantFrom<Person['status']>('pending', 'pending', 'pending', 'pending', 'accepted'),
  hidden: fc.constantFrom(false, false, false, true),
});

/** People sent within one day, at many times: more send times tie than the page keeps. */
export const sameDayPersonArb: fc.Arbitrary<Person> = fc.record({
  name: fc.constantFrom('Ada', 'Bob', 'Cy', 'Dee', 'Zoë'),
  sent: fc.option(
    fc.record({ youngest: fc.integer({ min: 0, max: 40 }).map((k) => 60 + k / 48), spread: fc.constant(7) }),
    {
      freq: 20,
    },
  ),
  status: fc.constant<Person['status']>('pending'),
  hidden: fc.constant(false),
});

export const settingsArb = fc.constantFrom<Partial<ResolvedSettings>>(
  {},
  { expiryWindow: '90-days' },
  { expiryWindow: 'custom', customWindowDays: 30 },
  { warningDays: 60 },
);

export function ledgerOf(people: readonly Person[]): InvitationRecord[] {
  return people.map((p) =>
    record(p.name, p.sent ? [p.sent.youngest, p.sent.youngest + p.sent.spread] : null, {
      status: p.status,
      hidden: p.hidden,
    }),
  );
}

export const ids = (rows: readonly { record: InvitationRecord }[]) => rows.map((row) => row.record.id);
