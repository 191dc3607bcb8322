import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/model/settings';
import { resolveSettings } from '../../../src/rules';
import { toCsv } from '../../../src/shared/csv';
import { csvBlob } from '../../../src/shared/ui/csv-stream';
import type { LapseDb } from '../../../src/store/db';
import { applyReading, getAllRecords, setNote } from '../../../src/store/ledger';
import { DAY, NOW, person, reading, T0 } from '../store/builders';
import { openTestDb } from '../store/open-test-db';

let db: LapseDb;
beforeEach(async () => {
  db = await openTestDb();
  const people = Array.from({ length: 11 }, (_, i) =>
    person(`p-${i}`, T0, { name: i === 4 ? '=HYPERLINK("http://x")' : `Person, "${i}"`, headline: '+1 lead\nline 2' }),
  );
  await applyReading(db, { ...reading(T0, people), account: 'ada-lovelace' }, NOW);
  await applyReading(db, { ...reading(T0, [person('other', T0)]), account: 'bob-builder' }, NOW);
  await setNote(db, 'p-3', '@mention -1', T0 + DAY, 'ada-lovelace');
});
afterEach(() => db.close());

const settings = resolveSettings(defaultSettings(), []);
/** The file's text as written, its BOM kept (Blob.text() drops it). */
const fileText = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());

describe('csvBlob', () => {
  it('writes, page by page, the very bytes toCsv writes for the same ledger', async () => {
    const records = await getAllRecords(db, 'ada-lovelace');
    const expected = toCsv(records, settings, NOW, 'ada-lovelace');
    expect(expected).toContain(`"'=HYPERLINK(""http://x"")"`);
    for (const pageSize of [1, 4, 2000]) {
      expect(await fileText(await csvBlob(db, settings, NOW, 'ada-lovelace', pageSize))).toBe(expected);
    }
  });

  it('without an account, writes the ledger read last, and leaves out a record that fails validation', async () => {
    const tx = db.transaction('invitations', 'readwrite');
    await Promise.all([
      tx.store.put({ ...(await tx.store.get(['bob-builder', 'other']))!, id: 'zz', name: '' }),
      tx.done,
    ]);
    const text = await fileText(await csvBlob(db, settings, NOW));
    expect(text).toBe(toCsv([(await getAllRecords(db, 'bob-builder'))[0]!], settings, NOW, 'bob-builder'));
  });
});
