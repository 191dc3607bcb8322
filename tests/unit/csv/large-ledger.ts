import type { InvitationRecord } from '../../../src/model/invitation';
import { labelToInterval } from '../../../src/rules';
import { expectedProfileUrl, samplePeople } from '../../fixtures/sent-page';

export const DAY = 86_400_000;
/** The export's `now`: Friday 15 May 2026, 10:00 UTC (as in the popup tests). */
export const EXPORT_AT = Date.UTC(2026, 4, 15, 10, 0, 0);
/** Three scans of the Sent page, a week apart; most records were first seen on one of them. */
const SCANS = [EXPORT_AT - 15 * DAY - 3_600_000, EXPORT_AT - 8 * DAY + 1_234_567, EXPORT_AT - DAY + 42_000];

/** Text a user or LinkedIn could put in a cell: formulas, quotes, commas, line breaks, emoji. */
export const HOSTILE = [
  '=HYPERLINK("http://x","y")',
  'O"Brien, "Bob"',
  'Line one\nline two\r\nline three',
  '+33 6 12 34 56 78',
  '-2+3',
  '@SUM(A1:A2)',
  '\tTabbed',
  '\rCarriage',
  '=1+1\nsecond line',
  ' padded ',
  'Zoë 😀 Ångström',
];

/**
 * A deterministic ledger of `n` records as scans build it: the fixtures' varied people
 * (accents, emoji, a formula headline, missing headlines), send intervals from their labels as
 * read on one of three scans — so many records share an interval — plus records whose send time
 * came to the minute from LinkedIn's data export (each its own), some with no send time, every
 * status, hidden ones, and user notes full of hostile text.
 */
export function largeLedger(n = 5000): InvitationRecord[] {
  return samplePeople(n, 7).map((person, i): InvitationRecord => {
    const seenAt = SCANS[i % SCANS.length]!;
    const exact = i % 10 === 3;
    const exactAt = seenAt - (i * 7919 + 11) * 60_000;
    const sent =
      i % 40 === 7
        ? null
        : exact
          ? { earliest: exactAt, latest: exactAt }
          : labelToInterval(person.age.kind === 'ago' ? person.age : { kind: person.age.kind }, seenAt);
    const status = i % 13 === 0 ? 'accepted' : i % 17 === 0 ? 'withdrawn' : i % 19 === 0 ? 'gone' : 'pending';
    return {
      id: person.slug.toLowerCase(),
      profileUrl: expectedProfileUrl(person),
      name: i % 97 === 5 ? HOSTILE[i % HOSTILE.length]! : person.name,
      headline: person.headline,
      sentLabel: sent && !exact ? 'Sent some time ago' : null,
      sent,
      sentExact: exact || undefined,
      conflicts: [],
      firstSeenAt: seenAt,
      lastSeenAt: SCANS[SCANS.length - 1]!,
      status,
      statusChangedAt: status === 'pending' ? seenAt : seenAt + (i % 5) * DAY,
      statusSetBy: status === 'withdrawn' ? 'user' : 'scan',
      hidden: i % 23 === 0,
      note: i % 11 === 0 ? HOSTILE[(i / 11) % HOSTILE.length]! : null,
      inviteMessage: person.note ?? null,
    };
  });
}
