import type { InvitationRecord } from '../../../src/model/invitation';
import { defaultSettings, type Settings } from '../../../src/model/settings';
import type { Interval } from '../../../src/model/time';

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

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...overrides };
}

/** A send time known to the millisecond. */
export const at = (moment: Date | number): Interval => {
  const time = typeof moment === 'number' ? moment : moment.getTime();
  return { earliest: time, latest: time };
};

export const between = (earliest: Date | number, latest: Date | number): Interval => ({
  earliest: typeof earliest === 'number' ? earliest : earliest.getTime(),
  latest: typeof latest === 'number' ? latest : latest.getTime(),
});
