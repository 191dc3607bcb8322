import { addDays, addHours, addMonths, startOfDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { ReminderState } from '../../../src/model/reminder-state';
import { defaultSettings } from '../../../src/model/settings';
import { cadenceAllows, decideReminder, ledgerCounts, type ResolvedSettings } from '../../../src/rules';
import { at, record, settings } from './support';

/** Wednesday 10 June 2026, 09:00 local time: reminders are checked hourly from here. */
const START = new Date(2026, 5, 10, 9, 0).getTime();

/**
 * A pending invitation sent so that it crosses into "act this week" (six-month window, warning
 * 14 days) `inDays` days after START: its window opens 14 days after that.
 */
function crossingIn(name: string, inDays: number, extra: Partial<InvitationRecord> = {}): InvitationRecord {
  const expires = addDays(addHours(START, Math.round(inDays * 24)), 14);
  const sent = addMonths(expires, -6).getTime();
  // Listed by the Sent page when sent, so it stays pending as far as the evidence goes.
  return record({ id: name.toLowerCase().replace(/\s+/g, '-'), name, sent: at(sent), sentLabel: 'Sent', ...extra });
}

const daily = settings({ reminders: 'daily' });
const weekly = settings({ reminders: 'weekly' });

/** Runs the rule hourly from `from` to `to`, carrying the state as the worker does, through JSON. */
function runHourly(
  records: readonly InvitationRecord[],
  chosen: ResolvedSettings,
  from: number,
  to: number,
  state: ReminderState | null = null,
) {
  const sent: { at: number; names: string[] }[] = [];
  let remembered = state;
  for (let now = from; now <= to; now = addHours(now, 1).getTime()) {
    const decision = decideReminder(records, chosen, remembered, now);
    // Stored in storage.local and read back after a worker restart: only what validates survives.
    remembered = ReminderState.parse(JSON.parse(JSON.stringify(decision.state)));
    if (decision.notify) sent.push({ at: now, names: decision.notify.map((r) => r.name) });
  }
  return { sent, state: remembered };
}

describe('the reminder rule', () => {
  it('is off by default: default settings never notify', () => {
    const chosen = { ...defaultSettings(), expiryWindow: 'six-months' } as ResolvedSettings;
    expect(chosen.reminders).toBe('off');
    const records = [crossingIn('Amara Okafor', 1)];
    const { sent } = runHourly(records, chosen, START, addDays(START, 5).getTime(), {
      lastNotifiedAt: null,
      announced: [],
    });
    expect(sent).toEqual([]);
  });

  it('takes what is already in "act this week" when turned on as known, and announces the next crossing', () => {
    const records = [crossingIn('Already Near', -3), crossingIn('Amara Okafor', 2)];
    const first = decideReminder(records, daily, null, START);
    expect(first.notify).toBeNull();
    expect(first.state.announced).toEqual(['already-near']);
    const { sent } = runHourly(records, daily, START, addDays(START, 4).getTime(), first.state);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.names).toEqual(['Amara Okafor']);
    // The crossing is announced at the first check after it, not before.
    const crossedAt = addDays(START, 2).getTime();
    expect(sent[0]?.at).toBeGreaterThanOrEqual(crossedAt);
    expect(sent[0]?.at).toBeLessThan(addHours(crossedAt, 1).getTime());
  });

  it('never announces the same crossing twice, even with the worker restarted between every check', () => {
    const records = [crossingIn('Amara Okafor', 1), crossingIn('Li Wei', 1)];
    const { sent } = runHourly(records, daily, START, addDays(START, 20).getTime(), {
      lastNotifiedAt: null,
      announced: [],
    });
    expect(sent.map((s) => s.names)).toEqual([['Amara Okafor', 'Li Wei']]);
  });

  it('sends at most one a day; crossings held back come in the next day’s notification', () => {
    const records = [crossingIn('Amara Okafor', 1), crossingIn('Li Wei', 1.2), crossingIn('Sam Roe', 3)];
    const { sent } = runHourly(records, daily, START, addDays(START, 6).getTime(), {
      lastNotifiedAt: null,
      announced: [],
    });
    expect(sent.map((s) => s.names)).toEqual([['Amara Okafor'], ['Li Wei'], ['Sam Roe']]);
    const days = sent.map((s) => startOfDay(s.at).getTime());
    expect(new Set(days).size).toBe(days.length);
    // Li Wei crossed a few hours after Amara's notification: told at the next day's first check.
    expect(sent[1]?.at).toBe(startOfDay(addDays(sent[0]?.at ?? 0, 1)).getTime());
  });

  it('as a weekly digest, gathers a week’s crossings into one notification', () => {
    const records = [1, 2, 3, 4, 9].map((d) => crossingIn(`Person ${d}`, d));
    const { sent } = runHourly(records, weekly, START, addDays(START, 20).getTime(), {
      lastNotifiedAt: null,
      announced: [],
    });
    // Day 1; then day 8, with the three from days 2–4; Person 9 waits for day 15.
    expect(sent.map((s) => s.names)).toEqual([['Person 1'], ['Person 2', 'Person 3', 'Person 4'], ['Person 9']]);
    expect(sent[1]?.at).toBe(startOfDay(addDays(sent[0]?.at ?? 0, 7)).getTime());
    expect(sent[2]?.at).toBe(startOfDay(addDays(sent[1]?.at ?? 0, 7)).getTime());
  });

  it('leaves snoozed rows out until their date, then reminds', () => {
    const wake = addDays(START, 5).getTime();
    const records = [crossingIn('Amara Okafor', 1, { snoozedUntil: wake })];
    const { sent } = runHourly(records, daily, START, addDays(START, 8).getTime(), {
      lastNotifiedAt: null,
      announced: [],
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.at).toBeGreaterThanOrEqual(wake);
  });

  it('reminds again when a snooze set after the reminder ends (the reminder the user asked for)', () => {
    const amara = crossingIn('Amara Okafor', 1);
    const snoozedAt = addDays(START, 2).getTime();
    const wake = addDays(START, 5).getTime();
    const announce = { lastNotifiedAt: null, announced: [] };
    const before = runHourly([amara], daily, START, snoozedAt, announce);
    expect(before.sent.map((s) => s.names)).toEqual([['Amara Okafor']]);
    // The user snoozes it the next day; it is still nearing when the snooze ends.
    const after = runHourly(
      [{ ...amara, snoozedUntil: wake }],
      daily,
      snoozedAt + 1,
      addDays(START, 8).getTime(),
      before.state,
    );
    expect(after.sent.map((s) => s.names)).toEqual([['Amara Okafor']]);
    expect(after.sent[0]?.at).toBeGreaterThanOrEqual(wake);
    expect(after.sent[0]?.at).toBeLessThan(addHours(wake, 1).getTime());
  });

  it('does not announce again an invitation that may have lapsed and is then listed again', () => {
    // Sent some time in ten days: its window may close three days after START, surely ten days later.
    const mayClose = addDays(START, 3);
    const earliest = addMonths(mayClose, -6).getTime();
    const sent = { earliest, latest: addDays(earliest, 10).getTime() };
    const amara = record({ id: 'amara', name: 'Amara Okafor', sent, sentLabel: 'Sent', lastSeenAt: START - 3_600_000 });
    const liWei = crossingIn('Li Wei', 4);
    // Reminders turned on with Amara already in "act this week"; from day 3 she may have lapsed,
    // and on day 4 Li Wei's crossing is announced.
    const first = runHourly([amara, liWei], daily, START, addDays(START, 5).getTime());
    expect(first.sent.map((s) => s.names)).toEqual([['Li Wei']]);
    // The next scan lists Amara again: back in "act this week", the same crossing as before.
    const seen = addDays(START, 5).getTime() + 1;
    const relisted = { ...amara, lastSeenAt: seen };
    const second = runHourly([relisted, liWei], daily, seen, addDays(START, 9).getTime(), first.state);
    expect(second.sent).toEqual([]);
  });

  it('never counts hidden or resolved invitations', () => {
    const records = [
      crossingIn('Hidden One', 1, { hidden: true }),
      crossingIn('Accepted One', 1, { status: 'accepted' }),
      crossingIn('Withdrawn One', 1, { status: 'withdrawn' }),
    ];
    const { sent } = runHourly(records, daily, START, addDays(START, 3).getTime(), {
      lastNotifiedAt: null,
      announced: [],
    });
    expect(sent).toEqual([]);
  });

  it('announces exactly the invitations the header counts as "act this week" (one truth)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 12 }), (offsets) => {
        const records = offsets.map((d, i) => crossingIn(`P ${i}`, d));
        const decision = decideReminder(records, daily, { lastNotifiedAt: null, announced: [] }, START);
        expect(decision.notify?.length ?? 0).toBe(ledgerCounts(records, daily, START).nearing);
      }),
    );
  });
});

describe('cadenceAllows', () => {
  const evening = new Date(2026, 5, 10, 23, 0).getTime();
  it.each([
    ['off', null, START, false],
    ['daily', null, START, true],
    ['daily', START, evening, false],
    ['daily', evening, startOfDay(addDays(evening, 1)).getTime(), true],
    ['weekly', START, addDays(START, 6).getTime(), false],
    ['weekly', START, startOfDay(addDays(START, 7)).getTime(), true],
  ] as const)('%s after %s at %s: %s', (cadence, last, now, allowed) => {
    expect(cadenceAllows(cadence, last, now)).toBe(allowed);
  });
});
