import { describe, expect, it } from 'vitest';
import type { InvitationRecord } from '../../../src/model/invitation';
import { readRawLedger } from '../../../src/store/read';
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
