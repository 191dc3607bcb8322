import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { readRawLedger, walkBySentEarliest } from '../../../src/store/read';
import { record } from '../popup/records';
import { openTestDb } from './open-test-db';

async function ledgerOf(records: readonly InvitationRecord[]) {
  const db = await openTestDb();
  const tx = db.transaction('invitations', 'readwrite');
  await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  return db;
}

// Coarse labels ("Sent 2 weeks ago") give many records the very same sent.earliest.
const records = [
  ...Array.from({ length: 9 }, (_, i) => record(`Same ${i}`, [14, 20])),
  ...Array.from({ length: 5 }, (_, i) => record(`Older ${i}`, [40, 60 + i])),
  record('Newest', [1, 2]),
  record('Undated', null),
];

describe('walkBySentEarliest', () => {
  it('visits every dated record once, oldest possible send first, even when batches end inside a tie', async () => {
    const db = await ledgerOf(records);
    for (const batch of [1, 2, 4, 100]) {
      const visited: InvitationRecord[] = [];
      await walkBySentEarliest(db, 0, (value) => visited.push(value as InvitationRecord) > 0, batch);
      expect(visited.map((r) => r.id).sort()).toEqual(
        records
          .filter((r) => r.sent)
          .map((r) => r.id)
          .sort(),
      );
      const keys = visited.map((r) => r.sent!.earliest);
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
    }
    db.close();
  });

  it('stops as soon as the visitor says so, and starts at the bound', async () => {
    const db = await ledgerOf(records);
    const visited: string[] = [];
    const from = records.find((r) => r.name === 'Same 0')!.sent!.earliest;
    await walkBySentEarliest(db, from, (value) => visited.push((value as InvitationRecord).name) < 3, 2);
    expect(visited).toHaveLength(3);
    expect(visited.every((name) => name.startsWith('Same'))).toBe(true);
    db.close();
  });
});

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
