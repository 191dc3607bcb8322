import type { InvitationRecord } from '../../../src/model/invitation';
import type { ReadingLogEntry } from '../../../src/model/reading';

/** A fixed "now" for every UI test: Friday 15 May 2026, 10:00 UTC. */
export const NOW = Date.UTC(2026, 4, 15, 10, 0, 0);
export const DAY = 86_400_000;

let serial = 0;

/**
 * A record as the worker stores it. `sentDaysAgo` is [youngest, oldest] possible age in days,
 * the way a coarse label like "Sent 3 weeks ago" narrows it; null when no label was read.
 */
export function record(
  name: string,
  sentDaysAgo: [number, number] | null,
  extra: Partial<InvitationRecord> = {},
): InvitationRecord {
  const slug = `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'person'
  }-${++serial}`;
  return {
    id: slug,
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    name,
    headline: `Headline of ${name}`,
    sentLabel: sentDaysAgo ? 'Sent some time ago' : null,
    sent: sentDaysAgo ? { earliest: NOW - sentDaysAgo[1] * DAY, latest: NOW - sentDaysAgo[0] * DAY } : null,
    conflicts: [],
    firstSeenAt: NOW - 30 * DAY,
    lastSeenAt: NOW - DAY,
    status: 'pending',
    statusChangedAt: NOW - 30 * DAY,
    statusSetBy: 'scan',
    hidden: false,
    note: null,
    inviteMessage: null,
    ...extra,
  };
}

export function reading(extra: Partial<ReadingLogEntry> = {}): ReadingLogEntry {
  return {
    at: NOW - 2 * 3_600_000,
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
    read: 10,
    total: 10,
    complete: true,
    failed: false,
    failureReason: null,
    added: 0,
    markedGone: 0,
    ...extra,
  };
}
