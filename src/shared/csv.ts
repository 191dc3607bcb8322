import Papa from 'papaparse';
import type { InvitationRecord } from '../model/invitation';
import type { Settings } from '../model/settings';
import { assess } from '../rules';
import { datedFileName, downloadFile } from './ui/download';

/**
 * The CSV export. Columns and formats:
 * - dates (YYYY-MM-DD, the UTC calendar day): sent_earliest, sent_latest, expires_earliest,
 *   expires_latest — they are estimates from LinkedIn's coarse labels, a time of day would claim
 *   a precision the ledger does not have;
 * - times (YYYY-MM-DDTHH:MM:SSZ, UTC): first_seen, last_seen — moments Lapse actually observed;
 * - expiry_status, days_left: blank unless the invitation is pending; age and dates blank when
 *   the send time is unknown; suggestion: the suggestion kind (e.g. `act-now`).
 * Computed columns come from the rules with the settings and `now` given at export time.
 */
export const CSV_COLUMNS = [
  'name',
  'profile_url',
  'headline',
  'status',
  'expiry_status',
  'sent_earliest',
  'sent_latest',
  'age_days_min',
  'age_days_max',
  'expires_earliest',
  'expires_latest',
  'days_left',
  'first_seen',
  'last_seen',
  'suggestion',
  'note',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string | number>;

/**
 * Cells a spreadsheet could run as a formula. Papaparse's own default, /^[=+\-@\t\r].*$/, lets
 * a multi-line value through (`.` stops at the newline), so we give it this one; it then
 * prefixes such cells with `'` and quotes them. Numbers (a negative days_left) are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = '\uFEFF';

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function csvRow(record: InvitationRecord, settings: Settings, now: number): CsvRow {
  const a = assess(record, settings, now);
  return {
    name: record.name,
    profile_url: record.profileUrl,
    headline: record.headline ?? '',
    status: record.status,
    expiry_status: a.expiry ?? '',
    sent_earliest: record.sent ? isoDate(record.sent.earliest) : '',
    sent_latest: record.sent ? isoDate(record.sent.latest) : '',
    age_days_min: a.age?.minDays ?? '',
    age_days_max: a.age?.maxDays ?? '',
    expires_earliest: a.expires ? isoDate(a.expires.earliest) : '',
    expires_latest: a.expires ? isoDate(a.expires.latest) : '',
    days_left: a.daysLeft ?? '',
    first_seen: isoTime(record.firstSeenAt),
    last_seen: isoTime(record.lastSeenAt),
    suggestion: a.suggestion.kind,
    note: record.note ?? '',
  };
}

/**
 * RFC 4180 CSV (quoted where needed, every line ended by CRLF) with a UTF-8 BOM so Excel reads
 * accents and emoji.
 */
export function toCsv(records: readonly InvitationRecord[], settings: Settings, now: number): string {
  const csv = Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: records.map((record) => {
        const row = csvRow(record, settings, now);
        return CSV_COLUMNS.map((column) => row[column]);
      }),
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START, header: true },
  );
  // Papaparse ends the header with CRLF only when rows follow; end every line the same way.
  return `${BOM}${csv.endsWith('\r\n') ? csv : `${csv}\r\n`}`;
}

/** `lapse-invitations-YYYY-MM-DD.csv`, dated the user's own calendar day. */
export function csvFileName(now: number): string {
  return datedFileName('lapse-invitations', 'csv', now);
}

/** Builds the CSV and hands it to the browser as a download. */
export function downloadCsv(records: readonly InvitationRecord[], settings: Settings, now: number): void {
  downloadFile(csvFileName(now), toCsv(records, settings, now), 'text/csv;charset=utf-8');
}
