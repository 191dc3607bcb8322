import fc from 'fast-check';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { Settings } from '../../../src/model/settings';
import { record } from './records';

/**
 * Random ledgers for the popup's first-rows properties: people sent between 0 and 400 days ago,
 * often on the same coarse label (ties), some resolved or hidden, some with no send time.
 */
export const personArb = fc.record({
  name: fc.constantFrom('Ada', 'Bob', 'Cy', 'Dee', 'Ève', 'Zoë', 'ada'),
  sent: fc.option(
    // Hours, not days: records a few hours apart share a day-count and then sort by name.
    fc.record({
      youngest: fc.integer({ min: 0, max: 400 * 24 }).map((h) => h / 24),
      spread: fc.constantFrom(0, 0, 7, 30),
    }),
    { freq: 6 },
  ),
  status: fc.constantFrom('pending', 'pending', 'pending', 'gone', 'accepted'),
  hidden: fc.constantFrom(false, false, true),
});
export type Person = typeof personArb extends fc.Arbitrary<infer P> ? P : never;

export const settingsArb = fc.constantFrom<Partial<Settings>>(
  {},
  { expiryWindow: '90-days' },
  { expiryWindow: 'custom', customWindowDays: 30 },
  { warningDays: 60 },
);

export function ledgerOf(people: readonly Person[]): InvitationRecord[] {
  return people.map((p) =>
    record(p.name, p.sent ? [p.sent.youngest, p.sent.youngest + p.sent.spread] : null, {
      status: p.status as InvitationRecord['status'],
      hidden: p.hidden,
    }),
  );
}

export const ids = (rows: readonly { record: InvitationRecord }[]) => rows.map((row) => row.record.id);
