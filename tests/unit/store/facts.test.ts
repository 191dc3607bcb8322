import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { defaultSettings } from '../../../src/model/settings';
import { countsFromFacts, ledgerCounts } from '../../../src/rules/counts';
import { learnedWindowDays, learnedWindowFromFacts, resolveWith } from '../../../src/rules/window';
import type { LapseDb } from '../../../src/store/db';
import { accountFacts, groupFacts } from '../../../src/store/facts';
import {
  applyConnectionsReading,
  applyReading,
  applyWithdrawObserved,
  clearLedger,
  exportBackup,
  getAllRecords,
  importBackup,
  setHidden,
  setNote,
  setSnooze,
  setStatus,
} from '../../../src/store/ledger';
import type { StoredFactGroup } from '../../../src/store/schema';
import { DAY, NOW, person, reading, T0 } from './builders';
import { openTestDb } from './open-test-db';
import { ledgerArb } from './record-arbitraries';

/**
 * The facts store is a running total kept by every write: after any sequence of readings, edits,
 * withdrawals, Connections readings, restores, account moves and deletes, it must equal the facts
 * recounted from every record, and the counts and learned window from it equal those from the
 * records themselves.
 */
const SLUGS = ['ada', 'bob', 'cy', 'dee'];
const ACCOUNTS = [undefined, 'me', 'other'] as const;

type Op =
  | { kind: 'reading'; at: number; present: boolean[]; complete: boolean; account: (typeof ACCOUNTS)[number] }
  | { kind: 'status'; slug: number; status: 'pending' | 'accepted' | 'withdrawn' }
  | { kind: 'hide'; slug: number; hidden: boolean }
  | { kind: 'note'; slug: number; note: string | null }
  | { kind: 'snooze'; slug: number; days: number | null }
  | { kind: 'withdraw'; slug: number }
  | { kind: 'connected'; slug: number }
  | { kind: 'restore'; records: InvitationRecord[] }
  | { kind: 'delete-all' };

const slug = fc.nat(SLUGS.length - 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('reading' as const),
    at: fc.integer({ min: 0, max: 400 }).map((days) => T0 + days * DAY),
    present: fc.array(fc.boolean(), { minLength: SLUGS.length, maxLength: SLUGS.length }),
    complete: fc.boolean(),
    account: fc.constantFrom(...ACCOUNTS),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    slug,
    status: fc.constantFrom('pending', 'accepted', 'withdrawn'),
  }),
  fc.record({ kind: fc.constant('hide' as const), slug, hidden: fc.boolean() }),
  fc.record({
    kind: fc.constant('note' as const),
    slug,
    note: fc.option(fc.constantFrom('met', 'call'), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('snooze' as const),
    slug,
    days: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), slug }),
  fc.record({ kind: fc.constant('connected' as const), slug }),
  fc.record({ kind: fc.constant('restore' as const), records: ledgerArb }),
  fc.constant({ kind: 'delete-all' as const }),
);

async function apply(db: LapseDb, op: Op): Promise<void> {
  const url = (i: number) => `https://www.linkedin.com/in/${SLUGS[i]}/`;
  switch (op.kind) {
    case 'reading': {
      const people = SLUGS.flatMap((s, i) => (op.present[i] ? [person(s, op.at)] : []));
      await applyReading(
        db,
        { ...reading(op.at, people, op.complete ? 'complete' : 'partial'), account: op.account },
        NOW,
      );
      return;
    }
    case 'withdraw':
      await applyWithdrawObserved(db, { profileUrl: url(op.slug), name: 'x', at: T0 }, NOW);
      return;
    case 'connected':
      await applyConnectionsReading(db, {
        url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/',
        observedAt: T0 + 500 * DAY,
        language: 'en',
        people: [{ profileUrl: url(op.slug), name: 'X', connectedLabel: '', connected: null }],
        unreadable: 0,
        failed: false,
      });
      return;
    case 'restore': {
      const backup = await exportBackup(db, null, NOW);
      await importBackup(db, { ...backup, invitations: op.records }, NOW);
      return;
    }
    case 'delete-all':
      await clearLedger(db);
      return;
  }
  // Edits act on the current account; a record that is not there is an error the user never sees.
  const id = SLUGS[op.slug]!;
  const edit =
    op.kind === 'status'
      ? setStatus(db, id, op.status, NOW)
      : op.kind === 'hide'
        ? setHidden(db, id, op.hidden, NOW)
        : op.kind === 'snooze'
          ? setSnooze(db, id, op.days === null ? null : NOW + op.days * DAY, NOW)
          : setNote(db, id, op.note, NOW);
  await edit.catch((error: Error) => expect(error.message).toMatch(/No invitation/));
}

const byKey = (groups: readonly StoredFactGroup[]) =>
  [...groups].sort((a, b) => `${a.account}/${a.key}`.localeCompare(`${b.account}/${b.key}`));

describe('the facts counts come from', () => {
  it('equal a full recount after any sequence of writes, and give the same counts and learned window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 600 }),
        async (ops, nowDays) => {
          const db = await openTestDb();
          try {
            for (const op of ops) await apply(db, op);
            const all = await db.getAll('invitations');
            expect(byKey(await db.getAll('facts'))).toEqual(byKey(groupFacts(all)));
            for (const account of new Set(all.map((r) => r.account))) {
              const records = await getAllRecords(db, account);
              const facts = await accountFacts(db.transaction('facts', 'readonly'), account);
              const chosen = { ...defaultSettings(), learnedFloorDays: 30 };
              const learned = learnedWindowDays(records, chosen.learnedFloorDays);
              expect(learnedWindowFromFacts(facts, chosen.learnedFloorDays)).toBe(learned);
              const settings = resolveWith({ ...chosen, expiryWindow: 'learned' }, learned);
              const now = T0 + nowDays * DAY;
              expect(countsFromFacts(facts, settings, now)).toEqual(ledgerCounts(records, settings, now));
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
