import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SentPageReading } from '../../../src/model/reading';
import { attribute, ledgerViews, STRANGER_MIN_PENDING } from '../../../src/store/accounts';
import type { LapseDb } from '../../../src/store/db';
import { answerAccountQuestion, applyReading, getAllRecords, readAccounts } from '../../../src/store/ledger';
import type { StoredRecord } from '../../../src/store/schema';
import { DAY, NOW, person, reading, T0 } from './builders';
import { openTestDb } from './open-test-db';

/**
 * Several LinkedIn accounts in one browser: each has its own invitees (disjoint, as two people's
 * networks mostly are), and readings of their Sent pages arrive in any order, with or without
 * the page saying who is signed in.
 */
const ACCOUNTS = ['ada-l', 'bo-r', 'cy-m'] as const;
const PEOPLE = 7;
const slug = (account: number, i: number) => `p${account}x${i}`;

interface Look {
  account: number;
  identity: boolean;
  kind: 'complete' | 'partial' | 'failed';
  /** Who of the account's people is on its Sent page. */
  present: boolean[];
}

const lookArb = (accounts: number): fc.Arbitrary<Look> =>
  fc.record({
    account: fc.integer({ min: 0, max: accounts - 1 }),
    identity: fc.boolean(),
    kind: fc.constantFrom('complete', 'complete', 'partial', 'failed'),
    present: fc.array(fc.boolean(), { minLength: PEOPLE, maxLength: PEOPLE }),
  });

const historyArb = fc
  .integer({ min: 1, max: 3 })
  .chain((accounts) => fc.array(lookArb(accounts), { minLength: 1, maxLength: 8 }));

function toReading(look: Look, at: number): SentPageReading {
  const people = look.present.flatMap((here, i) => (here ? [person(slug(look.account, i), at)] : []));
  return { ...reading(at, people, look.kind), account: look.identity ? ACCOUNTS[look.account] : null };
}

const keyOf = (r: StoredRecord) => `${r.account}\u0000${r.id}`;

async function snapshot(db: LapseDb): Promise<Map<string, StoredRecord>> {
  return new Map((await db.getAll('invitations')).map((r) => [keyOf(r), r]));
}

describe('one ledger per account', () => {
  it('a reading never changes a record of any account but the one it was applied to', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const db = await openTestDb();
        let at = T0;
        for (const look of history) {
          at += DAY;
          const before = await snapshot(db);
          const outcome = await applyReading(db, toReading(look, at), NOW);
          const after = await snapshot(db);
          // A named reading goes to the account it names, never elsewhere.
          if (look.identity) expect(outcome.account).toBe(ACCOUNTS[look.account]);
          for (const [key, record] of before) {
            const now = after.get(key);
            if (now === undefined) {
              // Only an unnamed ledger may move, whole, to the account a page has just named.
              expect(record.account === '' || record.account.startsWith('?')).toBe(true);
              expect(after.get(`${outcome.account}\u0000${record.id}`)).toBeDefined();
            } else if (record.account !== outcome.account) expect(now).toEqual(record);
          }
          for (const [key, record] of after) {
            if (!before.has(key)) expect(record.account).toBe(outcome.account);
          }
        }
        db.close();
      }),
      { numRuns: 120 },
    );
    // 120 histories over fake IndexedDB: seconds on a busy machine, so not the default 5 s.
  }, 30_000);

  it('with identity on every page, no invitation still on its own Sent page is ever "gone"', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb.map((h) => h.map((look) => ({ ...look, identity: true }))),
        async (history) => {
          const db = await openTestDb();
          // Who a complete reading of their own account's page did not list (only they may go).
          const missed = new Set<string>();
          let at = T0;
          for (const look of history) {
            at += DAY;
            await applyReading(db, toReading(look, at), NOW);
            if (look.kind === 'complete') {
              look.present.forEach((here, i) => {
                if (here) missed.delete(slug(look.account, i));
                else missed.add(slug(look.account, i));
              });
            }
            for (const [index, account] of ACCOUNTS.entries()) {
              for (const record of await getAllRecords(db, account)) {
                // Every record is in its own inviter's ledger, and no one else's reading touched it.
                expect(record.id.startsWith(`p${index}x`)).toBe(true);
                if (record.status === 'gone') expect(missed.has(record.id)).toBe(true);
              }
            }
          }
          db.close();
        },
      ),
      { numRuns: 80 },
    );
  });

  it('never marks more than half of a ledger gone from a reading that names no one, without asking', async () => {
    await fc.assert(
      fc.asyncProperty(
        historyArb.map((h) => h.map((look) => ({ ...look, identity: false }))),
        async (history) => {
          const db = await openTestDb();
          let at = T0;
          for (const look of history) {
            at += DAY;
            const before = [...(await snapshot(db)).values()];
            const outcome = await applyReading(db, toReading(look, at), NOW);
            if (outcome.account === null) continue;
            const pending = before.filter((r) => r.account === outcome.account && r.status === 'pending').length;
            expect(outcome.markedGone * 2 <= pending || outcome.markedGone === 0).toBe(true);
          }
          db.close();
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('a reading that may be another account', () => {
  const ten = Array.from({ length: 10 }, (_, i) => person(`a${i}`, T0));
  const three = Array.from({ length: 3 }, (_, i) => person(`b${i}`, T0 + DAY));

  it('shares no one with five or more pending: held, nothing gone, the question asked once', async () => {
    const db = await openTestDb();
    await applyReading(db, reading(T0, ten), NOW);
    const held = await applyReading(db, reading(T0 + DAY, three), NOW);
    expect(held).toMatchObject({ account: null, markedGone: 0 });
    expect((await getAllRecords(db, '')).every((r) => r.status === 'pending')).toBe(true);
    expect((await readAccounts(db)).question).toMatchObject({ candidate: '', reason: 'no-one-in-common' });
    // "Yes, a different account": its own ledger; the first one untouched.
    await answerAccountQuestion(db, true, NOW);
    const state = await readAccounts(db);
    expect(state.question).toBeNull();
    expect(state.known).toEqual(['', '?2']);
    expect((await getAllRecords(db, '?2')).map((r) => r.id).sort()).toEqual(['b0', 'b1', 'b2']);
    expect((await getAllRecords(db, '')).filter((r) => r.status === 'gone')).toEqual([]);
    db.close();
  });

  it('"No, it is this account": applied as read, missing ones gone', async () => {
    const db = await openTestDb();
    await applyReading(db, reading(T0, ten), NOW);
    await applyReading(db, reading(T0 + DAY, three), NOW);
    await answerAccountQuestion(db, false, NOW);
    const records = await getAllRecords(db, '');
    expect(records.filter((r) => r.status === 'gone')).toHaveLength(10);
    expect(records).toHaveLength(13);
    db.close();
  });

  it('would mark more than half gone while sharing someone: held as well', async () => {
    const db = await openTestDb();
    await applyReading(db, reading(T0, ten.slice(0, 4)), NOW);
    const outcome = await applyReading(db, reading(T0 + DAY, [person('a0', T0 + DAY)]), NOW);
    expect(outcome.account).toBeNull();
    expect((await readAccounts(db)).question?.reason).toBe('most-would-go');
    db.close();
  });

  it('attributes by who it shares: with two ledgers, to the one it overlaps', () => {
    const stored = (account: string, id: string): StoredRecord => ({
      account,
      id,
      profileUrl: `https://www.linkedin.com/in/${id}/`,
      name: id,
      headline: null,
      sentLabel: null,
      sent: null,
      conflicts: [],
      firstSeenAt: T0,
      lastSeenAt: T0,
      status: 'pending',
      statusChangedAt: T0,
      statusSetBy: 'scan',
      hidden: false,
      note: null,
      inviteMessage: null,
    });
    const views = ledgerViews([stored('x', 'a0'), stored('y', 'b0'), stored('y', 'b1')]);
    expect(attribute(reading(T0, [person('b1', T0)], 'partial'), views, 'x')).toMatchObject({ account: 'y' });
    expect(attribute(reading(T0, [person('zz', T0)], 'partial'), views, null)).toMatchObject({ kind: 'hold' });
    expect(STRANGER_MIN_PENDING).toBe(5);
  });
});
