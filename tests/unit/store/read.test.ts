import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { putRecords } from '../../../src/store/facts';
import { type HeadWalk, readAccountsForPages, readLedgerHead, readRawLedger } from '../../../src/store/read';
import { record } from '../popup/records';
import { openTestDb } from './open-test-db';

async function ledgerOf(records: readonly InvitationRecord[]) {
  const db = await openTestDb();
  const tx = db.transaction('invitations', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put({ ...r, account: '' })), tx.done]);
  return db;
}

const records = [
  ...Array.from({ length: 9 }, (_, i) => record(`Same ${i}`, [14, 20])),
  ...Array.from({ length: 5 }, (_, i) => record(`Older ${i}`, [40, 60 + i])),
  record('Newest', [1, 2]),
  record('Undated', null),
];

describe('readRawLedger', () => {
  it('reads every record, dated or not, and no readings when none were logged', async () => {
    const db = await ledgerOf(records);
    const raw = await readRawLedger(db);
    expect(raw.records).toHaveLength(records.length);
    expect(raw.lastReading).toBeNull();
    expect(raw.lastCompleteReading).toBeNull();
    db.close();
  });
});

describe('readLedgerHead', () => {
  /** Two accounts' ledgers, written as the worker writes them (count facts included). */
  async function twoLedgers(lastSeen: string) {
    const db = await openTestDb();
    const tx = db.transaction(['invitations', 'facts', 'meta'], 'readwrite');
    const writes = [
      ...records.map((r) => ({ before: undefined, after: { ...r, account: 'ada' } })),
      ...[record('Bo', [3, 4]), record('Cy', [5, 6])].map((r) => ({
        before: undefined,
        after: { ...r, account: 'bo' },
      })),
    ];
    const accounts = { lastSeen, known: ['ada', 'bo'], question: null };
    await Promise.all([putRecords(tx, writes), tx.objectStore('meta').put(accounts, 'accounts'), tx.done]);
    return db;
  }

  /** Asks for every pending record, and counts the facts and records it is handed. */
  const everything = () => {
    const seen = { facts: 0, records: [] as unknown[] };
    const start = (facts: unknown[]): HeadWalk => {
      seen.facts = facts.reduce<number>((sum, group) => sum + (group as { count: number }).count, 0);
      return { sendTimes: [], everyPending: true, take: (value) => seen.records.push(value) };
    };
    return { seen, start };
  };

  it("reads the account last read, and only that account's facts and records", async () => {
    const db = await twoLedgers('bo');
    const { seen, start } = everything();
    const head = await readLedgerHead(db, undefined, start);
    expect(head.account).toBe('bo');
    expect(seen.facts).toBe(2);
    expect(seen.records).toHaveLength(2);
    db.close();
  });

  it('reads the account it is asked for', async () => {
    const db = await twoLedgers('bo');
    const { seen, start } = everything();
    const head = await readLedgerHead(db, 'ada', start);
    expect(head.account).toBe('ada');
    expect(seen.facts).toBe(records.length);
    expect(seen.records).toHaveLength(records.length);
    db.close();
  });
});

describe('readAccountsForPages', () => {
  it('lists every account that holds records, however many each holds, after the ones already known', async () => {
    const db = await openTestDb();
    const tx = db.transaction(['invitations', 'meta'], 'readwrite');
    const ledgers = { '': 1, 'ada-l': 30, 'bo-r': 1, 'cy-m': 12 };
    const puts = Object.entries(ledgers).flatMap(([account, count]) =>
      Array.from({ length: count }, (_, i) =>
        tx.objectStore('invitations').put({ ...record(`P${i}`, [3, 4]), account }),
      ),
    );
    // An account the worker named but whose records were since deleted stays known.
    const meta = tx.objectStore('meta').put({ lastSeen: 'cy-m', known: ['cy-m', 'dee-s'], question: null }, 'accounts');
    await Promise.all([...puts, meta, tx.done]);
    const state = await readAccountsForPages(db);
    expect(state.known).toEqual(['cy-m', 'dee-s', '', 'ada-l', 'bo-r']);
    expect(state.lastSeen).toBe('cy-m');
    db.close();
  });
});
