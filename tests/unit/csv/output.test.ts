import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../../src/model/settings';
import { CSV_COLUMNS, csvRows, toCsv } from '../../../src/shared/csv';
import { EXPORT_AT, largeLedger } from './large-ledger';

const settings = (changes: Partial<Settings>): Settings => ({ ...defaultSettings(), ...changes });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The exact file exported from a 5,000-record ledger, pinned by its digest. The digests were taken
 * from the export as it stood before it was made faster: any change to a byte of the file — a
 * column, a value, quoting, the BOM, line ends, the neutralising, a rule behind a computed column
 * — fails here. Computed columns use local-time calendar arithmetic: the unit project runs in
 * Europe/Paris (vitest.config.ts). If the file is meant to change, check the new file and update
 * the digest. Columns are only appended: the file's first sixteen columns alone must still be the
 * file pinned before issue 15 appended the others (`before`).
 */
const COLUMNS_BEFORE_ISSUE_15 = CSV_COLUMNS.slice(0, 16);

function firstColumnsOnly(s: Settings): string {
  const csv = Papa.unparse(
    { fields: [...COLUMNS_BEFORE_ISSUE_15], data: largeLedger(5000).map(csvRows(s, EXPORT_AT)) },
    { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/, header: true },
  );
  return `\uFEFF${csv}\r\n`;
}
describe('toCsv output on a large ledger', () => {
  const ledger = largeLedger(5000);

  it.each([
    [
      'default settings',
      settings({}),
      'bb5c6fd64bd4f7f6305fdd8742d4b339e6400134eaa7d97bc87dacb5d1190408',
      '313cfa425ae7baffb0b6b3a0cf63fa68122d8962cc9a5c403475999b01ae12d6',
    ],
    [
      '90-day window',
      settings({ expiryWindow: '90-days', warningDays: 30, followUpDays: 10 }),
      '928a72f66e2033b18cfb642681608e98e29266d699c30c9f10fdab02c32a409d',
      '5a23c4f42cad644a54e1ae264a88aa1ab04d5dfd9c6f6166f59a07c56e264f94',
    ],
    [
      'custom 45-day window',
      settings({ expiryWindow: 'custom', customWindowDays: 45, warningDays: 3 }),
      '66faf224fddaf97e059bf2b1a245a884e45263d68c5c16dc622597e55423d5e9',
      '3af32784e74811f531449e1aedf4c60599225cf77726f019fa662969098abb38',
    ],
  ])('is byte for byte the pinned file (%s)', (_, s, digest, before) => {
    const csv = toCsv(ledger, s, EXPORT_AT);
    const parsed = Papa.parse(csv.slice(1), { header: true, newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(5000);
    expect(sha256(firstColumnsOnly(s))).toBe(before);
    expect(sha256(csv)).toBe(digest);
  });
});
