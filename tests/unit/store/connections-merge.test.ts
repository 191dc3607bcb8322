import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { ConnectionsReading, ReadConnection } from '../../../src/model/reading';
import type { Interval } from '../../../src/model/time';
import { mergeConnections } from '../../../src/store/connections-merge';
import { applyConnectionsReading, getAllRecords } from '../../../src/store/ledger';
import { byId, DAY, record, T0 } from './builders';
import { openTestDb } from './open-test-db';

/** Every builder record was sent in [T0 − 21 d, T0 − 10 d]. */
const SENT_EARLIEST = T0 - 21 * DAY;
const AT = T0 + DAY;

const connection = (slug: string, connected: Interval | null): ReadConnection => ({
  profileUrl: `https://www.linkedin.com/in/${slug}/`,
  name: `${slug} Example`,
  connectedLabel: connected ? 'Connected 1 week ago' : '',
  connected,
});

const look = (people: ReadConnection[], failed = false): ConnectionsReading => ({
  url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
  observedAt: AT,
  language: 'en',
  people,
  unreadable: 0,
  failed,
});

const lastWeek = { earliest: T0 - 7 * DAY, latest: T0 - 3 * DAY };

describe('merging the Connections page', () => {
  it.each<[string, Partial<InvitationRecord>]>([
    ['pending (set by a scan)', { status: 'pending' }],
    ['gone (a guess by a scan)', { status: 'gone' }],
    ['withdrawn (seen by a scan)', { status: 'withdrawn' }],
  ])('an invitation %s becomes accepted, as a fact, with the connected interval', (_what, overrides) => {
    const result = mergeConnections(byId([record('ada', overrides)]), look([connection('ada', lastWeek)]));
    expect(result).toMatchObject({ matched: 1, accepted: 1, ignored: 0 });
    expect(result.upserts).toEqual([
      {
        ...record('ada', overrides),
        status: 'accepted',
        statusSetBy: 'import',
        statusChangedAt: AT,
        acceptedAt: lastWeek,
      },
    ]);
  });

  it.each<InvitationRecord['status']>(['pending', 'withdrawn', 'gone'])(
    'a status the user set (%s) is never overwritten',
    (status) => {
      const mine = record('ada', { status, statusSetBy: 'user', note: 'asked by phone' });
      const result = mergeConnections(byId([mine]), look([connection('ada', lastWeek)]));
      expect(result).toMatchObject({ upserts: [], matched: 1, accepted: 0, ignored: 1 });
    },
  );

  it('a user-set accepted keeps its status and setter, and gains the date', () => {
    const mine = record('ada', { status: 'accepted', statusSetBy: 'user', statusChangedAt: T0 });
    const result = mergeConnections(byId([mine]), look([connection('ada', lastWeek)]));
    expect(result.upserts).toEqual([{ ...mine, acceptedAt: lastWeek }]);
    expect(result.accepted).toBe(0);
  });

  it("the data export's acceptance is kept and its day narrowed by the page", () => {
    const exportDay = { earliest: T0 - 5 * DAY, latest: T0 - 4 * DAY };
    const imported = record('ada', { status: 'accepted', statusSetBy: 'import', acceptedAt: exportDay });
    const seen = { earliest: T0 - 4.5 * DAY, latest: T0 - 2 * DAY };
    const result = mergeConnections(byId([imported]), look([connection('ada', seen)]));
    expect(result.upserts).toEqual([{ ...imported, acceptedAt: { earliest: T0 - 4.5 * DAY, latest: T0 - 4 * DAY } }]);
  });

  it('a page date that contradicts the known acceptance does not replace it', () => {
    const exportDay = { earliest: T0 - 5 * DAY, latest: T0 - 4 * DAY };
    const imported = record('ada', { status: 'accepted', statusSetBy: 'import', acceptedAt: exportDay });
    const result = mergeConnections(byId([imported]), look([connection('ada', { earliest: T0, latest: T0 + 1 })]));
    expect(result.upserts).toEqual([]);
  });

  it('an acceptance is never before the earliest possible send: the interval is cut there', () => {
    const wide = { earliest: T0 - 60 * DAY, latest: T0 - 3 * DAY };
    const [accepted] = mergeConnections(byId([record('ada')]), look([connection('ada', wide)])).upserts;
    expect(accepted?.acceptedAt).toEqual({ earliest: SENT_EARLIEST, latest: T0 - 3 * DAY });
  });

  it('an acceptance known from before the send (an earlier connection) gives way to the page', () => {
    const older = record('ada', {
      acceptedAt: { earliest: SENT_EARLIEST - 40 * DAY, latest: SENT_EARLIEST - 39 * DAY },
    });
    const [accepted] = mergeConnections(byId([older]), look([connection('ada', lastWeek)])).upserts;
    expect(accepted?.acceptedAt).toEqual(lastWeek);
  });

  it('a connection made before the invitation could have been sent predates it: ignored', () => {
    const before = { earliest: T0 - 90 * DAY, latest: SENT_EARLIEST - 1 };
    const result = mergeConnections(byId([record('ada')]), look([connection('ada', before)]));
    expect(result).toMatchObject({ upserts: [], matched: 1, ignored: 1 });
  });

  it('people not in the ledger, and people whose date was not understood, change nothing', () => {
    const result = mergeConnections(
      byId([record('ada')]),
      look([connection('bob', lastWeek), connection('ada', null)]),
    );
    expect(result).toMatchObject({ upserts: [], matched: 0, accepted: 0 });
  });

  it('a failed reading changes nothing', () => {
    expect(mergeConnections(byId([record('ada')]), look([connection('ada', lastWeek)], true)).upserts).toEqual([]);
  });

  it('notes, hidden, the send interval and everyone else stay as they were', () => {
    const ada = record('ada', { note: 'met at the conference', hidden: true });
    const [accepted] = mergeConnections(byId([ada, record('bob')]), look([connection('ada', lastWeek)])).upserts;
    expect(accepted).toMatchObject({ note: 'met at the conference', hidden: true, sent: ada.sent });
  });
});

describe('applying it to the ledger', () => {
  it('writes the accepted invitations in one go and the same look again changes nothing', async () => {
    const db = await openTestDb();
    await db.put('invitations', { ...record('ada'), account: '' });
    await db.put('invitations', { ...record('bob', { status: 'pending', statusSetBy: 'user' }), account: '' });
    const reading = look([connection('ada', lastWeek), connection('bob', lastWeek), connection('cy', lastWeek)]);
    expect(await applyConnectionsReading(db, reading)).toEqual({ matched: 2, accepted: 1, ignored: 1, changed: 1 });
    expect(await applyConnectionsReading(db, reading)).toEqual({ matched: 2, accepted: 0, ignored: 1, changed: 0 });
    const stored = byId(await getAllRecords(db));
    expect(stored.get('ada')).toMatchObject({ status: 'accepted', acceptedAt: lastWeek });
    expect(stored.get('bob')).toMatchObject({ status: 'pending', statusSetBy: 'user' });
    expect(stored.has('cy')).toBe(false);
  });

  it('a failed reading writes nothing', async () => {
    const db = await openTestDb();
    await db.put('invitations', { ...record('ada'), account: '' });
    await applyConnectionsReading(db, look([connection('ada', lastWeek)], true));
    expect((await getAllRecords(db))[0]).toEqual(record('ada'));
  });
});

describe('properties', () => {
  const SLUGS = ['ada', 'bob', 'cy', 'dee'];
  const intervalArb = fc
    .tuple(fc.integer({ min: -80, max: 5 }), fc.integer({ min: 0, max: 30 }))
    .map(([start, width]) => ({ earliest: T0 + start * DAY, latest: T0 + (start + width) * DAY }));
  const recordArb = (slug: string) =>
    fc
      .record({
        status: fc.constantFrom('pending', 'gone', 'accepted', 'withdrawn'),
        setBy: fc.constantFrom('scan', 'user', 'import'),
        acceptedAt: fc.option(intervalArb, { nil: null }),
        note: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
        hidden: fc.boolean(),
      })
      .map(({ status, setBy, acceptedAt, note, hidden }) =>
        record(slug, { status, statusSetBy: setBy, acceptedAt, note, hidden }),
      );
  const ledgerArb = fc
    .tuple(...SLUGS.map((slug) => fc.option(recordArb(slug), { nil: undefined })))
    .map((records) => records.filter((r): r is InvitationRecord => r !== undefined));
  const readingArb = fc
    .array(
      fc.record({
        slug: fc.constantFrom(...SLUGS, 'eve'),
        connected: fc.option(intervalArb, { nil: null }),
      }),
      { maxLength: 6 },
    )
    .map((people) => look(people.map((p) => connection(p.slug, p.connected))));

  it('is idempotent in the ledger, keeps user statuses, notes and hidden, and adds nobody', async () => {
    await fc.assert(
      fc.asyncProperty(ledgerArb, readingArb, async (records, reading) => {
        const db = await openTestDb();
        await Promise.all(records.map((r) => db.put('invitations', { ...r, account: '' })));
        await applyConnectionsReading(db, reading);
        const once = await getAllRecords(db);
        const second = await applyConnectionsReading(db, reading);
        expect(second.changed).toBe(0);
        expect(await getAllRecords(db)).toEqual(once);
        const before = byId(records);
        expect(once.map((r) => r.id).sort()).toEqual([...before.keys()].sort());
        for (const after of once) {
          const was = before.get(after.id) as InvitationRecord;
          expect([after.note, after.hidden, after.sent]).toEqual([was.note, was.hidden, was.sent]);
          if (was.statusSetBy === 'user') expect([after.status, after.statusSetBy]).toEqual([was.status, 'user']);
          if (after.acceptedAt && JSON.stringify(after.acceptedAt) !== JSON.stringify(was.acceptedAt) && was.sent)
            expect(after.acceptedAt.latest).toBeGreaterThanOrEqual(was.sent.earliest);
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
