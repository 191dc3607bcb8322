import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { buildPendingLists, headRecords, pendingHead } from '../../../src/popup/view';
import type { ResolvedSettings } from '../../../src/rules';
import { groupFacts } from '../../../src/store/facts';
import { fixedSettings } from '../../support/settings';
import { ids, ledgerOf, personArb, sameDayPersonArb, scannedPersonArb, settingsArb } from './ledger-arbitraries';
import { NOW, record } from './records';

/**
 * The popup's first rows come from the records of the send times the ledger's count facts point
 * at (store/read.ts readLedgerHead: the byStatusSent index a send time at a time, or every
 * pending record). This replays that read over plain arrays.
 */
function walk(records: readonly InvitationRecord[], settings: ResolvedSettings, now: number, size: number) {
  const head = pendingHead(settings, now, size);
  const facts = groupFacts(records.map((r) => ({ ...r, account: '' })));
  const { times, undated } = headRecords(facts, settings, now, size);
  const pending = records.filter((r) => r.status === 'pending');
  const handed = undated ? pending : pending.filter((r) => r.sent !== null && times.includes(r.sent.earliest));
  for (const r of handed) head.take(r);
  return { rows: head.rows(), handed: handed.length };
}

describe("the popup's first rows, read from the send times the facts point at", () => {
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

  it('reads none of the years of lapsed invitations before the live ones', () => {
    const lapsed = Array.from({ length: 3000 }, (_, i) =>
      record(`Old ${i}`, [200 + (i % 500), 201 + (i % 500)], { lastSeenAt: 0 }),
    );
    const live = Array.from({ length: 80 }, (_, i) => record(`New ${i}`, [i, i + 1]));
    const { rows, handed } = walk([...lapsed, ...live], fixedSettings(), NOW, 50);
    expect(rows).toHaveLength(50);
    expect(handed).toBeLessThanOrEqual(80);
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
