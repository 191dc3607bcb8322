import { describe, expect, it } from 'vitest';
import { InvitationRecord } from '../../../src/model/invitation';
import { applyWithdraw, findWithdrawn, MAX_CONFLICTS, mergeReading } from '../../../src/store/merge';
import { byId, DAY, NOW, person, reading, record, T0 } from './builders';

const noPrevious = null;

describe('mergeReading: new invitations', () => {
  it('adds each person read as a pending record, first and last seen at the reading', () => {
    const result = mergeReading(new Map(), reading(T0, [person('ada', T0), person('bob', T0)]), noPrevious, NOW);
    expect(result.added).toBe(2);
    expect(result.upserts.map((r) => r.id)).toEqual(['ada', 'bob']);
    const ada = result.upserts[0]!;
    expect(ada).toMatchObject({ status: 'pending', statusSetBy: 'scan', firstSeenAt: T0, lastSeenAt: T0, note: null });
    expect(ada.sent).toEqual({ earliest: T0 - 14 * DAY, latest: T0 - 4 * DAY });
    for (const r of result.upserts) expect(InvitationRecord.safeParse(r).success).toBe(true);
  });

  it('keys records by the case-folded slug, so one person in two spellings is one record', () => {
    const result = mergeReading(
      new Map(),
      reading(T0, [person('Ada-L', T0), person('ada-l', T0, { name: 'Ada L.' })], 'partial'),
      noPrevious,
      NOW,
    );
    expect(result.upserts).toHaveLength(1);
    expect(result.upserts[0]).toMatchObject({ id: 'ada-l', name: 'Ada L.' });
  });
});

describe('mergeReading: first-seen narrowing', () => {
  const previous = { at: T0 - 2 * DAY };

  it('narrows a newcomer to the span since the last complete reading, which did not contain it', () => {
    const result = mergeReading(new Map(), reading(T0, [person('cy', T0)], 'partial'), { at: T0 - 6 * DAY }, NOW);
    // The label says 4–14 days ago; the complete reading six days ago did not list it.
    expect(result.upserts[0]!.sent).toEqual({ earliest: T0 - 6 * DAY, latest: T0 - 4 * DAY });
    expect(result.upserts[0]!.conflicts).toEqual([]);
  });

  it('gives a newcomer whose label was not understood the span between the readings', () => {
    const result = mergeReading(new Map(), reading(T0, [person('cy', T0, { sent: null })]), previous, NOW);
    expect(result.upserts[0]!.sent).toEqual({ earliest: T0 - 2 * DAY, latest: T0 });
  });

  it('keeps the label when it is already tighter than the span', () => {
    const longAgo = { at: T0 - 60 * DAY };
    const result = mergeReading(new Map(), reading(T0, [person('cy', T0)]), longAgo, NOW);
    expect(result.upserts[0]!.sent).toEqual({ earliest: T0 - 14 * DAY, latest: T0 - 4 * DAY });
  });

  it('records a conflict (and keeps the label) when the label says it predates the last complete reading', () => {
    const result = mergeReading(new Map(), reading(T0, [person('cy', T0)]), { at: T0 - DAY }, NOW);
    const cy = result.upserts[0]!;
    expect(cy.sent).toEqual({ earliest: T0 - 14 * DAY, latest: T0 - 4 * DAY });
    expect(cy.conflicts).toEqual([
      { at: T0, kept: { earliest: T0 - 14 * DAY, latest: T0 - 4 * DAY }, rejected: { earliest: T0 - DAY, latest: T0 } },
    ]);
  });

  it('does not narrow an invitation that is already in the ledger', () => {
    const known = record('cy', { sent: { earliest: T0 - 30 * DAY, latest: T0 - DAY } });
    const result = mergeReading(byId([known]), reading(T0, [person('cy', T0, { sent: null })]), previous, NOW);
    expect(result.upserts[0]?.sent ?? known.sent).toEqual(known.sent);
  });
});

describe('mergeReading: seen again', () => {
  it('updates name and headline, moves lastSeenAt, keeps firstSeenAt, narrows the interval', () => {
    const known = record('ada', { sent: { earliest: T0 - 20 * DAY, latest: T0 - 6 * DAY } });
    const result = mergeReading(
      byId([known]),
      reading(T0, [person('ada', T0, { name: 'Ada Lovelace', headline: 'Analyst' })], 'partial'),
      noPrevious,
      NOW,
    );
    expect(result.updated).toBe(1);
    expect(result.upserts[0]).toMatchObject({
      name: 'Ada Lovelace',
      headline: 'Analyst',
      firstSeenAt: known.firstSeenAt,
      lastSeenAt: T0,
      sent: { earliest: T0 - 14 * DAY, latest: T0 - 6 * DAY },
    });
  });

  it('never widens the interval with a vaguer label', () => {
    const tight = { earliest: T0 - 9 * DAY, latest: T0 - 8 * DAY };
    const known = record('ada', { sent: tight });
    const vague = person('ada', T0, { sent: { earliest: T0 - 40 * DAY, latest: T0 - DAY } });
    const result = mergeReading(byId([known]), reading(T0, [vague], 'partial'), noPrevious, NOW);
    expect(result.upserts[0]?.sent ?? known.sent).toEqual(tight);
  });

  it('records a contradicting label as a conflict instead of throwing, keeping the last ten', () => {
    const old = Array.from({ length: MAX_CONFLICTS }, (_, i) => ({
      at: T0 - (20 - i) * DAY,
      kept: { earliest: 1, latest: 2 },
      rejected: { earliest: 3, latest: 4 },
    }));
    const known = record('ada', { sent: { earliest: T0 - 100 * DAY, latest: T0 - 90 * DAY }, conflicts: old });
    const result = mergeReading(byId([known]), reading(T0, [person('ada', T0)], 'partial'), noPrevious, NOW);
    const ada = result.upserts[0]!;
    expect(ada.sent).toEqual({ earliest: T0 - 14 * DAY, latest: T0 - 4 * DAY });
    expect(ada.conflicts).toHaveLength(MAX_CONFLICTS);
    expect(ada.conflicts.at(-1)).toEqual({
      at: T0,
      kept: { earliest: T0 - 14 * DAY, latest: T0 - 4 * DAY },
      rejected: { earliest: T0 - 100 * DAY, latest: T0 - 90 * DAY },
    });
    expect(ada.conflicts[0]).toEqual(old[1]);
  });

  it('keeps an exact send time from the data export when a later label disagrees, recording the conflict', () => {
    const minute = { earliest: T0 - 100 * DAY, latest: T0 - 100 * DAY + 59_999 };
    const known = record('ada', { sent: minute, sentExact: true });
    const result = mergeReading(byId([known]), reading(T0, [person('ada', T0)], 'partial'), noPrevious, NOW);
    const ada = result.upserts[0]!;
    expect(ada.sent).toEqual(minute);
    expect(ada.conflicts.at(-1)).toEqual({
      at: T0,
      kept: minute,
      rejected: { earliest: T0 - 14 * DAY, latest: T0 - 4 * DAY },
    });
  });

  it('keeps the note, hidden flag and a user-set status', () => {
    const known = record('ada', { note: 'met at PyCon', hidden: true, status: 'accepted', statusSetBy: 'user' });
    const result = mergeReading(byId([known]), reading(T0, [person('ada', T0)]), noPrevious, NOW);
    expect(result.upserts[0]).toMatchObject({
      note: 'met at PyCon',
      hidden: true,
      status: 'accepted',
      statusSetBy: 'user',
    });
  });

  it('writes nothing for a record the reading did not change', () => {
    const first = mergeReading(new Map(), reading(T0, [person('ada', T0)]), noPrevious, NOW);
    const again = mergeReading(byId(first.upserts), reading(T0, [person('ada', T0)]), { at: T0 }, NOW);
    expect(again).toMatchObject({ upserts: [], added: 0, updated: 0, markedGone: 0 });
  });
});

describe('mergeReading: gone', () => {
  const ada = record('ada');
  const bob = record('bob');

  it('marks pending invitations missing from a complete reading as gone, at the reading time, and keeps them', () => {
    const result = mergeReading(byId([ada, bob]), reading(T0, [person('ada', T0)]), noPrevious, NOW);
    expect(result.markedGone).toBe(1);
    const gone = result.upserts.find((r) => r.id === 'bob');
    expect(gone).toEqual({ ...bob, status: 'gone', statusChangedAt: T0, statusSetBy: 'scan' });
    expect(result.logEntry).toMatchObject({ complete: true, failed: false, markedGone: 1, read: 1 });
  });

  it.each([
    ['partial', 'partial'],
    ['failed', 'failed'],
  ] as const)('a %s reading marks nothing gone', (_, kind) => {
    const result = mergeReading(byId([ada, bob]), reading(T0, [person('ada', T0)], kind), noPrevious, NOW);
    expect(result.markedGone).toBe(0);
    expect(result.upserts.every((r) => r.status === 'pending')).toBe(true);
  });

  it('leaves user-set statuses alone when they are missing', () => {
    const accepted = record('cy', { status: 'accepted', statusSetBy: 'user' });
    const withdrawn = record('dee', { status: 'withdrawn', statusSetBy: 'import' });
    const result = mergeReading(byId([accepted, withdrawn]), reading(T0, [person('ada', T0)]), noPrevious, NOW);
    expect(result.markedGone).toBe(0);
    expect(result.upserts.map((r) => r.id)).toEqual(['ada']);
  });

  it('does not let a late-arriving complete reading mark gone what a newer reading saw', () => {
    const seenLater = record('bob', { lastSeenAt: T0 + DAY });
    const result = mergeReading(byId([seenLater]), reading(T0, []), noPrevious, NOW);
    expect(result.markedGone).toBe(0);
  });

  it('brings a gone invitation that reappears in a complete reading back to pending', () => {
    const gone = record('bob', { status: 'gone', statusChangedAt: T0 - 3 * DAY });
    const result = mergeReading(byId([gone]), reading(T0, [person('bob', T0)]), { at: T0 - 3 * DAY }, NOW);
    expect(result.upserts[0]).toMatchObject({ status: 'pending', statusChangedAt: T0, statusSetBy: 'scan' });
    expect(result.added).toBe(0);
  });

  it('leaves a gone invitation gone when it reappears only in a partial reading', () => {
    const gone = record('bob', { status: 'gone', statusChangedAt: T0 - 3 * DAY });
    const result = mergeReading(byId([gone]), reading(T0, [person('bob', T0)], 'partial'), noPrevious, NOW);
    expect(result.upserts[0]).toMatchObject({ status: 'gone', lastSeenAt: T0 });
  });
});

describe('mergeReading: failed reading', () => {
  it('changes nothing and only produces a log entry', () => {
    const failure = { code: 'list-not-recognised', total: 12 } as const;
    const failed = { ...reading(T0, [person('ada', T0)]), failed: true, failure };
    const result = mergeReading(byId([record('bob')]), failed, noPrevious, NOW);
    expect(result.upserts).toEqual([]);
    expect(result.logEntry).toMatchObject({ failed: true, failure, failureReason: null, added: 0 });
  });
});

describe('withdraw observed', () => {
  const ada = record('ada', { name: 'Ada Lovelace' });
  const twinA = record('sam-1', { name: 'Sam Lee' });
  const twinB = record('sam-2', { name: 'Sam Lee' });

  it('matches by profile link even when another record has the same name', () => {
    const match = findWithdrawn([ada, twinA, twinB], {
      profileUrl: 'https://www.linkedin.com/in/Sam-2/?miniProfileUrn=x',
      name: 'Sam Lee',
      at: T0,
    });
    expect(match?.id).toBe('sam-2');
  });

  it('falls back to a unique exact name among pending records', () => {
    expect(findWithdrawn([ada, twinA], { profileUrl: null, name: ' Ada Lovelace ', at: T0 })?.id).toBe('ada');
  });

  it('matches nothing when the name is ambiguous or only similar', () => {
    expect(findWithdrawn([twinA, twinB], { profileUrl: null, name: 'Sam Lee', at: T0 })).toBeNull();
    expect(findWithdrawn([ada], { profileUrl: null, name: 'Ada lovelace', at: T0 })).toBeNull();
  });

  it('sets withdrawn at the exact time, by the scan, but never over a user-set status', () => {
    expect(applyWithdraw(ada, { profileUrl: null, name: 'Ada Lovelace', at: T0 + 5 }, NOW)).toMatchObject({
      status: 'withdrawn',
      statusChangedAt: T0 + 5,
      statusSetBy: 'scan',
    });
    const accepted = { ...ada, status: 'accepted' as const, statusSetBy: 'user' as const };
    expect(applyWithdraw(accepted, { profileUrl: null, name: 'Ada Lovelace', at: T0 }, NOW)).toBeNull();
  });
});
