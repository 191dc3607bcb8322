import type { InvitationRecord } from '../../../src/model/invitation';
import type { ReadInvitation, SentPageReading } from '../../../src/model/reading';

export const DAY = 86_400_000;
/** 2025-03-10 09:00 UTC: an ordinary Monday morning. */
export const T0 = Date.UTC(2025, 2, 10, 9);
/** The worker's clock in tests: after every moment the tests stamp, so none looks like a clock ahead. */
export const NOW = T0 + 1000 * DAY;

/** One person as the scanner reads them, with a label understood as "sent 1–2 weeks before `at`". */
export function person(slug: string, at: number, overrides: Partial<ReadInvitation> = {}): ReadInvitation {
  return {
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    name: `${slug[0]?.toUpperCase()}${slug.slice(1)} Example`,
    headline: 'Product designer at Somewhere',
    sentLabel: 'Sent 1 week ago',
    sent: { earliest: at - 14 * DAY, latest: at - 4 * DAY },
    ...overrides,
  };
}

export function reading(
  at: number,
  people: ReadInvitation[],
  kind: 'complete' | 'partial' | 'failed' = 'complete',
): SentPageReading {
  return {
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/sent/',
    observedAt: at,
    loadedAt: at,
    language: 'en',
    invitations: kind === 'failed' ? [] : people,
    total: kind === 'failed' ? 12 : kind === 'complete' ? people.length : people.length + 40,
    skipped: 0,
    unreadable: 0,
    complete: kind === 'complete',
    failed: kind === 'failed',
    failure: kind === 'failed' ? { code: 'list-not-recognised', total: 12 } : null,
  };
}

export function record(slug: string, overrides: Partial<InvitationRecord> = {}): InvitationRecord {
  return {
    id: slug.toLowerCase(),
    profileUrl: `https://www.linkedin.com/in/${slug}/`,
    name: `${slug} Example`,
    headline: null,
    sentLabel: 'Sent 2 weeks ago',
    sent: { earliest: T0 - 21 * DAY, latest: T0 - 10 * DAY },
    conflicts: [],
    firstSeenAt: T0 - 10 * DAY,
    lastSeenAt: T0 - DAY,
    status: 'pending',
    statusChangedAt: T0 - 10 * DAY,
    statusSetBy: 'scan',
    hidden: false,
    note: null,
    inviteMessage: null,
    ...overrides,
  };
}

export function byId(records: Iterable<InvitationRecord>): Map<string, InvitationRecord> {
  return new Map([...records].map((r) => [r.id, r]));
}
