import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ResolvedSettings as Settings } from '../../../src/rules';
import { CSV_COLUMNS, csvRows, toCsv } from '../../../src/shared/csv';
import { fixedSettings } from '../../support/settings';
import { EXPORT_AT, largeLedger } from './large-ledger';

const settings = (changes: Partial<Settings>): Settings => ({ ...fixedSettings(), ...changes });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The exact file exported from a 5,000-record ledger, pinned by its digest. The digests were taken
 * from the export as it stood before it was made faster: any change to a byte of the file — a
 * column, a value, quoting, the BOM, line ends, the neutralising, a rule behind a computed column
 * — fails here. Computed columns use local-time calendar arithmetic: the unit project runs in
 * Europe/Paris (vitest.config.ts). If the file is meant to change, check the new file and update
 * the digest. Columns are only appended: the file's first sixteen columns alone must still be the
 * file pinned before issue 15 appended the others (`before`, itself changed once: when
 * still-listed invitations past the window became `past-window`, not `expired`).
 */
const COLUMNS_BEFORE_ISSUE_15 = CSV_COLUMNS.slice(0, 16);
/** Issue 14 appended `account`: every column before it must still be the file pinned here. */
const COLUMNS_BEFORE_ISSUE_14 = CSV_COLUMNS.slice(0, CSV_COLUMNS.indexOf('account'));

function firstColumnsOnly(s: Settings, columns: readonly string[] = COLUMNS_BEFORE_ISSUE_15): string {
  const csv = Papa.unparse(
    { fields: [...columns], data: largeLedger(5000).map(csvRows(s, EXPORT_AT, 'ada-lovelace')) },
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
      'f354f78ded2905c0a058e294a6960c4e0319947f16d662bbe51746a4142d041a',
      'd5c4d73242e03d70a5836b2ccc123e315167efd46274202e7026645f6d28cc94',
    ],
    [
      '90-day window',
      settings({ expiryWindow: '90-days', warningDays: 30, followUpDays: 10 }),
      '19a230e64ce41bcc5da89075ec01e8b0be730978f5a4a94ba6aea8fe20d28094',
      '88bd686d100a35ddac87843eb5459127d7a3c80cc658d40b22cb5e2de5100f86',
    ],
    [
      'custom 45-day window',
      settings({ expiryWindow: 'custom', customWindowDays: 45, warningDays: 3 }),
      '2700b2aa8f0c53070b3c8bf82a5852d080d75a439249102d320d4c99556bb604',
      'a21db2d888869ebc74a0def08a187f0cfb8960998fa9a9d95bb9fd2a8807a9a7',
    ],
  ])('is byte for byte the pinned file (%s)', (_, s, digest, before) => {
    const csv = toCsv(ledger, s, EXPORT_AT);
    const parsed = Papa.parse(csv.slice(1), { header: true, newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(5000);
    expect(sha256(firstColumnsOnly(s))).toBe(before);
    expect(sha256(firstColumnsOnly(s, COLUMNS_BEFORE_ISSUE_14))).toBe(digest);
    // The account column, after the issue 15 ones: the ledger's account on every row (blank while unnamed).
    expect(CSV_COLUMNS.indexOf('account')).toBe(CSV_COLUMNS.indexOf('conflicts') + 1);
    // Issue 19's columns come after it; this ledger logged no follow-up and no snooze.
    expect(CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('account') + 1)).toEqual([
      'follow_up_count',
      'follow_up_last',
      'follow_up_times',
      'follow_up_channels',
      'follow_up_templates',
      'snoozed_until',
    ]);
    const rows = parsed.data as Record<string, string>[];
    expect(
      rows.every((row) => row.follow_up_count === '0' && row.follow_up_times === '' && row.snoozed_until === ''),
    ).toBe(true);
    expect((parsed.data as Record<string, string>[]).every((row) => row.account === '')).toBe(true);
    expect(toCsv(ledger.slice(0, 3), s, EXPORT_AT, 'ada-lovelace').split('\r\n')[1]).toMatch(/,ada-lovelace,0,,,,,$/);
  });
});
