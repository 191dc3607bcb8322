import fc from 'fast-check';
import type { InvitationRecord } from '../../../src/model/invitation';
import { defaultSettings } from '../../../src/model/settings';
import type { Interval } from '../../../src/model/time';
import type { ResolvedSettings } from '../../../src/rules';

/** A pending invitation as the ledger keeps it; override what the test is about. */
export function record(overrides: Partial<InvitationRecord> = {}): InvitationRecord {
  return {
    id: 'jane-doe',
    profileUrl: 'https://www.linkedin.com/in/jane-doe/',
    name: 'Jane Doe',
    headline: 'Product designer at Acme',
    sentLabel: 'Sent 3 weeks ago',
    sent: null,
    conflicts: [],
    firstSeenAt: 0,
    lastSeenAt: 0,
    status: 'pending',
    statusChangedAt: 0,
    statusSetBy: 'scan',
    hidden: false,
    note: null,
    inviteMessage: null,
    ...overrides,
  };
}

/** Settings with a fixed window (a learned one is resolved before any rule sees it). */
export function settings(overrides: Partial<ResolvedSettings> = {}): ResolvedSettings {
  return { ...defaultSettings(), expiryWindow: 'six-months', ...overrides };
}

/** Any valid settings the rules read: each window kind, and every threshold in its range. */
export const settingsArb: fc.Arbitrary<ResolvedSettings> = fc
  .record({
    expiryWindow: fc.constantFrom<ResolvedSettings['expiryWindow']>('six-months', '90-days', 'custom'),
    customWindowDays: fc.integer({ min: 1, max: 730 }),
    warningDays: fc.integer({ min: 1, max: 120 }),
    followUpDays: fc.integer({ min: 1, max: 365 }),
    badgeWeeks: fc.integer({ min: 1, max: 26 }),
  })
  .map((changes) => settings(changes));

/** A send time known to the millisecond. */
export const at = (moment: Date | number): Interval => {
  const time = typeof moment === 'number' ? moment : moment.getTime();
  return { earliest: time, latest: time };
};

export const between = (earliest: Date | number, latest: Date | number): Interval => ({
  earliest: typeof earliest === 'number' ? earliest : earliest.getTime(),
  latest: typeof latest === 'number' ? latest : latest.getTime(),
});
