import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import {
  ledgerCounts,
  noteSample,
  noteTemplateKey,
  outcomeOf,
  rateOf,
  WORKS_MIN_RESOLVED,
  whatWorks,
  wilsonInterval,
} from '../../../src/rules';
import { BASE, DAY, recordArb } from '../store/record-arbitraries';
import { at, record, settings } from './support';

const chosen = settings();
/** Long after every arbitrary record's moments: their windows have opened or closed by now. */
const NOW = BASE + 200 * DAY;

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", and the table
  // every statistics text repeats: 95% Wilson intervals, to four places.
  it.each([
    [0, 10, 0, 0.2775],
    [1, 10, 0.0179, 0.4042],
    [5, 10, 0.2366, 0.7634],
    [9, 10, 0.5958, 0.9821],
    [10, 10, 0.7225, 1],
    [50, 100, 0.4038, 0.5962],
    [81, 263, 0.2553, 0.3662],
  ])('%i of %i: %f to %f', (accepted, resolved, low, high) => {
    const interval = wilsonInterval(accepted, resolved);
    expect(interval?.low).toBeCloseTo(low, 4);
    expect(interval?.high).toBeCloseTo(high, 4);
  });

  it('has no interval for nothing resolved', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('always holds the observed rate, within 0–1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const accepted = Math.round(n * share);
        const rate = rateOf(accepted, n);
        expect(rate.interval?.low).toBeGreaterThanOrEqual(0);
        expect(rate.interval?.high).toBeLessThanOrEqual(1);
        expect(rate.rate).toBeGreaterThanOrEqual((rate.interval?.low ?? 1) - 1e-12);
        expect(rate.rate).toBeLessThanOrEqual((rate.interval?.high ?? 0) + 1e-12);
      }),
    );
  });
});

describe('note templates', () => {
  it('groups the same note sent to different people', () => {
    const ada = noteTemplateKey('Hi Ada, loved your talk on engines!', 'Ada Lovelace');
    const bob = noteTemplateKey('hi  BOB — loved your talk on engines', 'Bob Smith');
    const full = noteTemplateKey('Hi Grace Hopper: loved your talk on engines.', 'Grace Hopper');
    expect(ada).toBe('hi loved your talk on engines');
    expect(bob).toBe(ada);
    expect(full).toBe(ada);
    expect(noteTemplateKey('Hi Ada, loved your book', 'Ada Lovelace')).not.toBe(ada);
  });

  it('shows a group by a note with the names as placeholders', () => {
    expect(noteSample('Hi Ada,  loved your talk, Ada Lovelace!', 'Ada Lovelace')).toBe(
      'Hi {firstName}, loved your talk, {name}!',
    );
    expect(noteSample('Dear Ms Lovelace, hello', '🚀 Ada Lovelace')).toBe('Dear Ms …, hello');
  });
});

describe('whatWorks', () => {
  const resolvedRecord = (id: string, accepted: boolean, extra: Partial<InvitationRecord> = {}) =>
    record({ id, name: `Person ${id}`, status: accepted ? 'accepted' : 'gone', statusChangedAt: NOW - DAY, ...extra });

  it('compares with and without a note, counts pending ones apart, and says when there are too few', () => {
    const records = [
      ...Array.from({ length: 12 }, (_, i) =>
        resolvedRecord(`n${i}`, i < 9, { inviteMessage: `Hi Person, we met at the fair` }),
      ),
      ...Array.from({ length: 4 }, (_, i) => resolvedRecord(`x${i}`, i < 1)),
      record({ id: 'waiting', sent: at(NOW - 10 * DAY), sentLabel: 'Sent 1 week ago', lastSeenAt: NOW }),
    ];
    const works = whatWorks(records, chosen, NOW);
    expect(works.pending).toBe(1);
    expect(works.resolved).toBe(16);
    expect(works.withNote).toMatchObject({ accepted: 9, resolved: 12, rate: 0.75, enough: true });
    expect(works.withoutNote).toMatchObject({ accepted: 1, resolved: 4, rate: 0.25, enough: false });
    expect(works.notes).toHaveLength(1);
    expect(works.notes[0]?.sample).toBe('Hi {firstName}, we met at the fair');
    expect(WORKS_MIN_RESOLVED).toBeGreaterThan(4);
  });

  it('counts a lapsed invitation as not accepted, and a follow-up only when it came before the answer', () => {
    const lapsed = record({ id: 'lapsed', sent: at(NOW - 300 * DAY), followUps: [{ at: NOW - 100 * DAY }] });
    const late = resolvedRecord('late', true, {
      acceptedAt: { earliest: NOW - 20 * DAY, latest: NOW - 19 * DAY },
      followUps: [{ at: NOW - 2 * DAY, template: 'thank' }],
    });
    const helped = resolvedRecord('helped', true, {
      acceptedAt: { earliest: NOW - 20 * DAY, latest: NOW - 19 * DAY },
      followUps: [{ at: NOW - 30 * DAY, template: 'follow-up' }],
    });
    expect(outcomeOf(lapsed, chosen, NOW)).toBe('not-accepted');
    const works = whatWorks([lapsed, late, helped], chosen, NOW);
    expect(works.followedUp).toMatchObject({ accepted: 1, resolved: 2 });
    expect(works.notFollowedUp).toMatchObject({ accepted: 1, resolved: 1 });
    expect(works.byFollowUpTemplate.map((g) => [g.template, g.accepted, g.resolved])).toEqual([
      ['follow-up', 1, 1],
      [null, 0, 1],
    ]);
  });

  const ledger = fc
    .uniqueArray(fc.integer({ min: 0, max: 999 }), { maxLength: 40 })
    .chain((ids) => fc.tuple(...ids.map((id) => recordArb(`p${id}`))));

  it('partitions the resolved invitations: the counts’ lapsed and resolved, nothing else', () => {
    fc.assert(
      fc.property(ledger, (records) => {
        const works = whatWorks(records, chosen, NOW);
        const counts = ledgerCounts(records, chosen, NOW);
        expect(works.resolved).toBe(counts.resolved + counts.lapsed);
        expect(works.pending).toBe(counts.pending);
        expect(works.withNote.resolved + works.withoutNote.resolved).toBe(works.resolved);
        expect(works.followedUp.resolved + works.notFollowedUp.resolved).toBe(works.resolved);
        expect(works.notes.reduce((sum, g) => sum + g.resolved, 0)).toBe(works.withNote.resolved);
        expect(works.notes.reduce((sum, g) => sum + g.accepted, 0)).toBe(works.withNote.accepted);
        const accepted = records.filter((r) => !r.hidden && r.status === 'accepted').length;
        expect(works.withNote.accepted + works.withoutNote.accepted).toBe(accepted);
      }),
    );
  });

  it('keeps every rate within its interval', () => {
    fc.assert(
      fc.property(ledger, (records) => {
        const works = whatWorks(records, chosen, NOW);
        const rates = [works.withNote, works.withoutNote, works.followedUp, works.notFollowedUp, ...works.notes];
        for (const rate of [...rates, ...works.byFollowUpTemplate]) {
          if (rate.rate === null) continue;
          expect(rate.rate).toBeGreaterThanOrEqual((rate.interval?.low ?? 1) - 1e-12);
          expect(rate.rate).toBeLessThanOrEqual((rate.interval?.high ?? 0) + 1e-12);
        }
      }),
    );
  });
});
