import { addDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FollowUp, InvitationRecord } from '../../../src/model/invitation';
import type { SuggestionKind } from '../../../src/model/settings';
import {
  activeSnooze,
  assess,
  type ExpiryStatus,
  ladderKind,
  ledgerCounts,
  suggest,
  suggestionKind,
} from '../../../src/rules';
import { at, record, settings, settingsArb } from './support';

const DAY = 86_400_000;
/** Local 10:00 on a date (months 1-based), in whichever zone the project runs. */
const local = (year: number, month: number, day: number, hour = 10) => new Date(year, month - 1, day, hour).getTime();
const NOW = local(2026, 3, 20);

/** Where an invitation stands: a status, and for a pending one its expiry status. */
type Situation = [InvitationRecord['status'], ExpiryStatus | null];
const SITUATIONS: Situation[] = [
  ['pending', 'fresh'],
  ['pending', 'waiting'],
  ['pending', 'unknown'],
  ['pending', 'follow-up'],
  ['pending', 'nearing'],
  ['pending', 'past-window'],
  ['pending', 'maybe-expired'],
  ['pending', 'expired'],
  ['accepted', null],
  ['withdrawn', null],
  ['gone', null],
];

/**
 * The advice for each situation once the wait after the latest follow-up is over, by how many
 * follow-ups were logged (0, 1, 2, 3): after one, the ladder's next step (a second nudge is
 * fine); after two, never a third nudge — only a re-invite where the ladder already advises one.
 */
const AFTER_WAIT: Record<string, [SuggestionKind, SuggestionKind, SuggestionKind, SuggestionKind]> = {
  'pending/fresh': ['give-it-time', 'give-it-time', 'let-it-run', 'let-it-run'],
  'pending/waiting': ['engage', 'engage', 'let-it-run', 'let-it-run'],
  'pending/unknown': ['engage', 'engage', 'let-it-run', 'let-it-run'],
  'pending/follow-up': ['follow-up', 'follow-up', 'let-it-run', 'let-it-run'],
  'pending/nearing': ['act-now', 'act-now', 'let-it-run', 'let-it-run'],
  'pending/past-window': ['withdraw-reinvite', 'withdraw-reinvite', 'withdraw-reinvite', 'withdraw-reinvite'],
  'pending/maybe-expired': ['resend', 'resend', 'resend', 'resend'],
  'pending/expired': ['resend', 'resend', 'resend', 'resend'],
  'accepted/null': ['thank', 'thank', 'thank', 'thank'],
  'withdrawn/null': ['reinvite-later', 'reinvite-later', 'reinvite-later', 'reinvite-later'],
  'gone/null': ['check-status', 'check-status', 'check-status', 'check-status'],
};

/** `count` follow-ups, the latest `sinceLatest` ms before NOW, the others a week apart before it. */
function withFollowUps(count: number, sinceLatest: number, overrides: Partial<InvitationRecord> = {}) {
  const followUps: FollowUp[] = Array.from({ length: count }, (_, i) => ({
    at: NOW - sinceLatest - (count - 1 - i) * 7 * DAY,
    channel: 'email',
    template: 'follow-up',
  }));
  return record({ followUps, ...overrides });
}

/** How long ago the latest follow-up was, against the default 7-day wait. */
const TIMES_SINCE = [
  ['an hour ago', 3_600_000, 'waiting'],
  ['six days ago', 6 * DAY, 'waiting'],
  ['seven days ago to the minute, less a millisecond', 7 * DAY - 1, 'waiting'],
  ['seven days ago', 7 * DAY, 'over'],
  ['a month ago', 30 * DAY, 'over'],
] as const;

describe('the ladder with the follow-up log (every status × follow-up count × time since)', () => {
  const cases = SITUATIONS.flatMap(([status, expiry]) =>
    [0, 1, 2, 3].flatMap((count) =>
      TIMES_SINCE.map(([since, ms, phase]) => {
        const afterWait = AFTER_WAIT[`${status}/${expiry}`]![count]!;
        const expected = count > 0 && status === 'pending' && phase === 'waiting' ? 'awaiting-reply' : afterWait;
        return [status, expiry ?? '-', count, since, ms, expected] as const;
      }),
    ),
  );

  it.each(cases)('%s %s, %i follow-up(s), the latest %s: %s', (status, expiry, count, _since, ms, expected) => {
    // Dates in a case that cross a daylight-saving change are covered by the zone-specific runs.
    const subject = withFollowUps(count, ms, { status });
    const expiryStatus = expiry === '-' ? null : (expiry as ExpiryStatus);
    expect(suggestionKind(subject, expiryStatus, NOW, settings())).toBe(expected);
  });

  it('without a log, or with an empty one, the ladder is as it was', () => {
    for (const [status, expiry] of SITUATIONS) {
      for (const subject of [record({ status }), record({ status, followUps: [] })]) {
        expect(suggestionKind(subject, expiry, NOW, settings())).toBe(ladderKind(subject, expiry));
      }
    }
  });
});

describe('waiting for a reply', () => {
  it('lasts the set number of calendar days from the latest follow-up, whatever the order of the log', () => {
    const latest = local(2026, 3, 5, 18);
    const subject = record({ followUps: [{ at: latest }, { at: local(2026, 2, 20) }] });
    const threeDays = settings({ followUpWaitDays: 3 });
    // 5 → 8 March crosses the change to summer time in America/Los_Angeles: still 18:00 local.
    expect(suggest(subject, 'follow-up', local(2026, 3, 8, 17), threeDays)).toEqual({
      kind: 'awaiting-reply',
      reinviteFrom: null,
      nextStepFrom: local(2026, 3, 8, 18),
    });
    expect(suggest(subject, 'follow-up', local(2026, 3, 8, 18), threeDays).kind).toBe('let-it-run');
  });

  it('the default wait is a week', () => {
    expect(settings().followUpWaitDays).toBe(7);
    const subject = withFollowUps(1, 0);
    expect(suggest(subject, 'nearing', NOW, settings()).nextStepFrom).toBe(addDays(NOW, 7).getTime());
  });

  it('after two follow-ups: let it run, or withdraw and re-invite from three weeks on', () => {
    const subject = withFollowUps(2, 10 * DAY);
    expect(suggest(subject, 'nearing', NOW, settings())).toEqual({
      kind: 'let-it-run',
      reinviteFrom: addDays(NOW, 21).getTime(),
      nextStepFrom: null,
    });
  });

  it('assess shows the same advice as suggest', () => {
    const subject = withFollowUps(1, DAY, { sent: at(NOW - 30 * DAY) });
    expect(assess(subject, settings(), NOW).suggestion.kind).toBe('awaiting-reply');
  });
});

const followUpArb = fc.record({ at: fc.integer({ min: NOW - 400 * DAY, max: NOW }) }).map((f): FollowUp => f);
const situationArb = fc.constantFrom(...SITUATIONS);
const NUDGES: ReadonlySet<SuggestionKind> = new Set(['give-it-time', 'engage', 'follow-up', 'act-now']);

describe('properties of the ladder with follow-ups', () => {
  it('never a third nudge: after two follow-ups a pending invitation is waited on, let run, or re-invited', () => {
    fc.assert(
      fc.property(
        situationArb.filter(([status]) => status === 'pending'),
        fc.array(followUpArb, { minLength: 2, maxLength: 20 }),
        settingsArb,
        ([status, expiry], followUps, s) => {
          const kind = suggestionKind(record({ status, followUps }), expiry, NOW, s);
          expect(NUDGES.has(kind)).toBe(false);
          expect(['awaiting-reply', 'let-it-run', 'withdraw-reinvite', 'resend']).toContain(kind);
        },
      ),
    );
  });

  it('a follow-up within the wait always says "waiting for a reply", until a moment still ahead', () => {
    fc.assert(
      fc.property(
        situationArb.filter(([status]) => status === 'pending'),
        fc.array(followUpArb, { maxLength: 5 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 59 * DAY }),
        ([status, expiry], older, wait, ago) => {
          fc.pre(ago < wait * DAY - 2 * 3_600_000); // an hour of DST either way
          const followUps = [...older.filter((f) => f.at < NOW - ago), { at: NOW - ago }];
          const s = settings({ followUpWaitDays: wait });
          const suggestion = suggest(record({ status, followUps }), expiry, NOW, s);
          expect(suggestion.kind).toBe('awaiting-reply');
          expect(suggestion.nextStepFrom).toBeGreaterThan(NOW);
        },
      ),
    );
  });

  it('follow-ups never change the advice on an invitation that is no longer pending', () => {
    fc.assert(
      fc.property(
        situationArb.filter(([status]) => status !== 'pending'),
        fc.array(followUpArb, { maxLength: 20 }),
        settingsArb,
        ([status, expiry], followUps, s) => {
          const subject = record({ status, followUps });
          expect(suggestionKind(subject, expiry, NOW, s)).toBe(ladderKind(subject, expiry));
        },
      ),
    );
  });
});

describe('snooze', () => {
  it('is active only while its date is ahead', () => {
    expect(activeSnooze(record({ snoozedUntil: NOW + 1 }), NOW)).toBe(NOW + 1);
    expect(activeSnooze(record({ snoozedUntil: NOW }), NOW)).toBeNull();
    expect(activeSnooze(record({ snoozedUntil: null }), NOW)).toBeNull();
    expect(activeSnooze(record(), NOW)).toBeNull();
  });

  it('a snoozed invitation that could lapse this week is out of "act this week" until the date', () => {
    // Sent six months less ten days ago: nearing expiry with the default 14-day warning.
    const nearing = record({ sent: at(addDays(new Date(NOW).setMonth(2 - 6), 10).getTime()) });
    const until = addDays(NOW, 3).getTime();
    const snoozed = { ...nearing, id: 'snoozed', snoozedUntil: until };
    expect(assess(snoozed, settings(), NOW)).toMatchObject({ expiry: 'nearing', snoozedUntil: until });
    const before = ledgerCounts([nearing, snoozed], settings(), NOW);
    expect(before).toMatchObject({ pending: 2, nearing: 1, snoozed: 1 });
    expect(before.byExpiry.nearing).toBe(2);
    expect(ledgerCounts([nearing, snoozed], settings(), until)).toMatchObject({ pending: 2, nearing: 2, snoozed: 0 });
  });

  const personArb = fc.record({
    sentDaysAgo: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    status: fc.constantFrom('pending', 'pending', 'accepted', 'withdrawn', 'gone') as fc.Arbitrary<'pending'>,
    hidden: fc.boolean(),
    snoozeDays: fc.option(fc.integer({ min: -30, max: 30 }), { nil: null }),
  });

  it('snoozing changes no status and no count but "act this week", and only by the rows snoozed (property)', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 30 }), settingsArb, (people, s) => {
        const plain = people.map((p, i) =>
          record({
            id: `p${i}`,
            status: p.status,
            hidden: p.hidden,
            sent: p.sentDaysAgo === null ? null : at(NOW - p.sentDaysAgo * DAY),
          }),
        );
        const snoozed = plain.map((r, i) => {
          const days = people[i]!.snoozeDays;
          return days === null ? r : { ...r, snoozedUntil: NOW + days * DAY };
        });
        const without = ledgerCounts(plain, s, NOW);
        const withSnooze = ledgerCounts(snoozed, s, NOW);
        const { nearing, snoozed: snoozedCount, ...rest } = withSnooze;
        const { nearing: nearingBefore, snoozed: none, ...restBefore } = without;
        expect(rest).toEqual(restBefore);
        expect(none).toBe(0);
        const activelySnoozed = snoozed.filter(
          (r) => !r.hidden && activeSnooze(r, NOW) !== null && assess(r, s, NOW).standing === 'pending',
        );
        expect(snoozedCount).toBe(activelySnoozed.length);
        const snoozedNearing = activelySnoozed.filter((r) => assess(r, s, NOW).expiry === 'nearing').length;
        expect(nearing).toBe(nearingBefore - snoozedNearing);
        expect(nearing + snoozedNearing).toBe(withSnooze.byExpiry.nearing);
      }),
      { numRuns: 200 },
    );
  });
});
