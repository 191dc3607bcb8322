import { subDays } from 'date-fns';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { Interval } from '../../../src/model/time';

/** Friday 15 May 2026, 12:00 in Paris (the unit project's zone): a week of Monday 11 May. */
export const NOW = Date.UTC(2026, 4, 15, 10, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Calendar days before `from` (local wall clock, as the rules count days), not 24-hour blocks. */
export const daysBefore = (days: number, from = NOW) => subDays(from, days).getTime();

/** A send time between `oldest` and `youngest` calendar days before now. */
export const sentDaysAgo = (youngest: number, oldest = youngest): Interval => ({
  earliest: daysBefore(oldest),
  latest: daysBefore(youngest),
});

let serial = 0;

/** A record as the worker stores it: pending, tracked, last seen an hour ago. Override the rest. */
export function invitation(
  name: string,
  sent: Interval | null,
  extra: Partial<InvitationRecord> = {},
): InvitationRecord {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${++serial}`;
  return {
    id: slug,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    name,
    headline: null,
    sentLabel: sent ? 'Sent some time ago' : null,
    sent,
    conflicts: [],
    firstSeenAt: daysBefore(200),
    lastSeenAt: NOW - HOUR,
    status: 'pending',
    statusChangedAt: daysBefore(200),
    statusSetBy: 'scan',
    hidden: false,
    note: null,
    inviteMessage: null,
    ...extra,
  };
}
