import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { buildPendingLists, pendingHead } from '../../../src/popup/view';
import type { ResolvedSettings } from '../../../src/rules';
import { fixedSettings } from '../../support/settings';
import { ids, ledgerOf, personArb, sameDayPersonArb, scannedPersonArb, settingsArb } from './ledger-arbitraries';
import { NOW, record } from './records';

/**
 * The popup's first rows come from a walk of the pending records in send order (store/read.ts
 * readLedgerHead: the byStatusSent index a send time at a time, records without a send time
 * after the walk reaches the end). This replays that walk over plain arrays.
 */
function walk(records: readonly InvitationRecord[], settings: ResolvedSettings, now: number, size: number) {
  const head = pendingHead(settings, now, size);
  const pending = records.filter((r) => r.status === 'pending');
  const sendTimes = [...new Set(pending.flatMap((r) => (r.sent ? [r.sent.earliest] : [])))].sort((a, b) => a - b);
  let handed = 0;
  for (const earliest of sendTimes) {
    if (!head.wants(earliest)) return { rows: head.rows(), handed };
    for (const r of pending.filter((p) => p.sent?.earliest === earliest)) {
      handed++;
      head.take(r);
    }
  }
  for (const r of pending.filter((p) => p.sent === null)) head.take(r);
  return { rows: head.rows(), handed };
}

describe("the popup's first rows, walked in send order", () => {
  it.each([
    ['people sent at scattered times', personArb],
    ['people read by a few scans, hundreds to a label', scannedPersonArb],
    ['people sent within one day at more times than the page holds', sameDayPersonArb],
  ])('are exactly the first rows of "All pending" (%s)', (_, person) => {
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 0, maxLength: 80, size: 'large' }),
        settingsArb,
        fc.integer({ min: 1, max: 12 }),
        (people, change, size) => {
          const settings = { ...fixedSettings(), ...change };
          const records = ledgerOf(people);
          const whole = buildPendingLists(records, settings, NOW).pending;
          expect(ids(walk(records, settings, NOW, size).rows)).toEqual(ids(whole.slice(0, size)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops reading soon after the page is full in a large ledger', () => {
    const records = Array.from({ length: 5000 }, (_, i) => record(`P${i}`, [i % 170, (i % 170) + 1]));
    const { rows, handed } = walk(records, fixedSettings(), NOW, 50);
    expect(rows).toHaveLength(50);
    // The first 50 rows, plus those tied with the last on days left: a few days' sends, not 5,000.
    expect(handed).toBeLessThan(400);
  });

  it('puts a whole send time in name order when one scan put hundreds under one label', () => {
    const names = ['Zoë', 'Ada', 'Émile', 'bob', 'Cy'];
    const sameLabel = Array.from({ length: 2000 }, (_, i) => record(`${names[i % 5]} ${i}`, [120, 150]));
    const settings = fixedSettings();
    const { rows } = walk(sameLabel, settings, NOW, 50);
    expect(rows.map((row) => row.record.name.split(' ')[0])).toEqual(Array(50).fill('Ada'));
    expect(ids(rows)).toEqual(ids(buildPendingLists(sameLabel, settings, NOW).pending.slice(0, 50)));
  });
});
