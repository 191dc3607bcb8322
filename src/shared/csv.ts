import { DAY } from '../model/durations';
import type { FollowUp, InvitationRecord } from '../model/invitation';
import type { Interval } from '../model/time';
import {
  describeAge,
  type ExpiryStatus,
  expiryFigures,
  lastFollowUpAt,
  lastListedAt,
  type ResolvedSettings,
  suggestionKind,
} from '../rules';
import { datedFileName } from './dated-file-name';

/**
 * The CSV export. Columns and formats:
 * - dates (YYYY-MM-DD, the UTC calendar day): sent_earliest, sent_latest, expires_earliest,
 *   expires_latest — they are estimates from LinkedIn's coarse labels, a time of day would claim
 *   a precision the ledger does not have;
 * - times (YYYY-MM-DDTHH:MM:SSZ, UTC): first_seen, last_seen — moments Lapse actually observed;
 * - expiry_status, days_left: blank unless the invitation is pending; age and dates blank when
 *   the send time is unknown; days_left blank too for `past-window` (LinkedIn still lists it, so
 *   no count of days would be true); suggestion: the suggestion kind (e.g. `act-now`).
 * - invite_message: the note sent with the invitation; accepted_earliest, accepted_latest: the
 *   acceptance as dates (the same day twice when the export gave the day), blank when unknown;
 *   sent_exactness: `exact` (LinkedIn's export) or `estimated` (a page label), blank when unknown;
 *   status_set_by: `scan`, `user` or `import`; hidden: `true`/`false`; conflicts: how many
 *   contradicting send observations the ledger logged.
 * - the user's follow-ups (issue 19), as times (moments the user logged): follow_up_count,
 *   follow_up_last, follow_up_times (every one, oldest first, separated by `;`), and, in the same
 *   order and separated the same way, follow_up_channels (`email`, `inmail`, `comment`,
 *   `in-person`, `other`, or empty when not said) and follow_up_templates (the suggestion kind
 *   whose message was copied, or empty); snoozed_until: the time the user asked to be reminded
 *   on, as stored (blank when not snoozed).
 * Columns are only ever appended, so a spreadsheet built on the file keeps working. Computed
 * columns come from the rules with the settings and `now` given at export time.
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
  'invite_message',
  'accepted_earliest',
  'accepted_latest',
  'sent_exactness',
  'status_set_by',
  'hidden',
  'conflicts',
  'account',
  'follow_up_count',
  'follow_up_last',
  'follow_up_times',
  'follow_up_channels',
  'follow_up_templates',
  'snoozed_until',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string | number>;

/**
 * Cells a spreadsheet could run as a formula: they are written with a leading `'`, and quoted.
 * (Papaparse's default pattern, /^[=+\-@\t\r].*$/, let a multi-line value through.) Numbers (a
 * negative days_left) are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180: a cell holding a quote, a comma or a line break is quoted; so is one a BOM or an edge space would change. */
const NEEDS_QUOTES = /["\r\n,\uFEFF]|^ | $/;
/** Between the entries of one list cell (the follow-ups' times, channels, templates). */
export const LIST_SEPARATOR = ';';
const BOM = '\uFEFF';

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** From here on toISOString writes a signed six-digit year: such moments are left to it. */
const YEAR_10000 = Date.UTC(10000, 0, 1);
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/**
 * The export's UTC dates (YYYY-MM-DD) and times (YYYY-MM-DDTHH:MM:SSZ), as isoDate and isoTime
 * write them, for one export. A ledger's moments fall on a few hundred days, so each UTC day's
 * date is worked out once (by toISOString, from the day's first moment) and a time adds the
 * hours, minutes and seconds of its moment, counted from that day's start.
 */
export function utcFormat(): { date: (ms: number) => string; time: (ms: number) => string } {
  const days = new Map<number, string>();
  const date = (ms: number): string => {
    const day = Math.floor(ms / DAY);
    let text = days.get(day);
    if (text === undefined) {
      text = isoDate(day * DAY);
      days.set(day, text);
    }
    return text;
  };
  const time = (ms: number): string => {
    if (!(ms >= 0 && ms < YEAR_10000)) return isoTime(ms);
    const second = Math.floor((ms % DAY) / 1000);
    const hh = TWO_DIGITS[Math.floor(second / 3600)];
    const mm = TWO_DIGITS[Math.floor(second / 60) % 60];
    const ss = TWO_DIGITS[second % 60];
    return `${date(ms)}T${hh}:${mm}:${ss}Z`;
  };
  return { date, time };
}

/**
 * The cells a send interval decides, given the settings and `now` of the export, and when the
 * Sent page last listed the invitation (which only the status and days left depend on).
 */
interface SentCells {
  sent_earliest: string;
  sent_latest: string;
  age_days_min: number;
  age_days_max: number;
  expires_earliest: string;
  expires_latest: string;
  /** As if pending: each row shows it only when its record is. */
  expiry: ExpiryStatus;
  daysLeft: number | '';
}

const UNKNOWN_SENT = {
  sent_earliest: '',
  sent_latest: '',
  age_days_min: '',
  age_days_max: '',
  expires_earliest: '',
  expires_latest: '',
  expiry: 'unknown',
  daysLeft: '',
} as const;

/**
 * Writes the rows of one export. What the rules compute for a row is `assess` less the suggestion's
 * message (a template fill the file does not show), taken from the same rule functions. The date
 * arithmetic depends only on the send interval and the last sighting, and the records of one scan
 * share both by the hundred, so it is worked out once per distinct pair.
 */
export function csvRows(settings: ResolvedSettings, now: number, account = ''): (record: InvitationRecord) => CsvRow {
  const utc = utcFormat();
  const bySent = new Map<string, SentCells>();
  const cellsOf = (sent: Interval, listedAt: number | null): SentCells => {
    const key = `${sent.earliest}/${sent.latest}/${listedAt}`;
    let cells = bySent.get(key);
    if (cells === undefined) {
      const age = describeAge(sent, now);
      const { expires, status, daysLeft } = expiryFigures(sent, settings, now, listedAt);
      cells = {
        sent_earliest: utc.date(sent.earliest),
        sent_latest: utc.date(sent.latest),
        age_days_min: age.minDays,
        age_days_max: age.maxDays,
        expires_earliest: utc.date(expires.earliest),
        expires_latest: utc.date(expires.latest),
        expiry: status,
        daysLeft: daysLeft ?? '',
      };
      bySent.set(key, cells);
    }
    return cells;
  };
  return (record) => {
    const pending = record.status === 'pending';
    const sent = record.sent ? cellsOf(record.sent, lastListedAt(record)) : UNKNOWN_SENT;
    const expiry = pending ? sent.expiry : null;
    return {
      name: record.name,
      profile_url: record.profileUrl,
      headline: record.headline ?? '',
      status: record.status,
      expiry_status: expiry ?? '',
      sent_earliest: sent.sent_earliest,
      sent_latest: sent.sent_latest,
      age_days_min: sent.age_days_min,
      age_days_max: sent.age_days_max,
      expires_earliest: sent.expires_earliest,
      expires_latest: sent.expires_latest,
      days_left: pending ? sent.daysLeft : '',
      first_seen: utc.time(record.firstSeenAt),
      last_seen: utc.time(record.lastSeenAt),
      suggestion: suggestionKind(record, expiry, now, settings),
      note: record.note ?? '',
      invite_message: record.inviteMessage ?? '',
      accepted_earliest: record.acceptedAt ? utc.date(record.acceptedAt.earliest) : '',
      accepted_latest: record.acceptedAt ? utc.date(record.acceptedAt.latest) : '',
      sent_exactness: record.sent ? (record.sentExact ? 'exact' : 'estimated') : '',
      status_set_by: record.statusSetBy,
      hidden: record.hidden ? 'true' : 'false',
      conflicts: record.conflicts.length,
      // The LinkedIn account whose ledger it is (its slug; blank while not named yet).
      account: account.startsWith('?') ? '' : account,
      ...followUpCells(record, utc.time),
    };
  };
}

type FollowUpColumn =
  | 'follow_up_count'
  | 'follow_up_last'
  | 'follow_up_times'
  | 'follow_up_channels'
  | 'follow_up_templates'
  | 'snoozed_until';

/** The follow-up log and the snooze, as the user recorded them (no rule involved). */
function followUpCells(
  record: InvitationRecord,
  time: (ms: number) => string,
): Record<FollowUpColumn, string | number> {
  const log = record.followUps ?? [];
  const last = lastFollowUpAt(record);
  const list = (cell: (entry: FollowUp) => string) => log.map(cell).join(LIST_SEPARATOR);
  return {
    follow_up_count: log.length,
    follow_up_last: last === null ? '' : time(last),
    follow_up_times: list((entry) => time(entry.at)),
    follow_up_channels: list((entry) => entry.channel ?? ''),
    follow_up_templates: list((entry) => entry.template ?? ''),
    snoozed_until: record.snoozedUntil == null ? '' : time(record.snoozedUntil),
  };
}

/** The first line of the file: the UTF-8 BOM (so Excel reads accents and emoji) and the column names. */
export function csvHeader(): string {
  return `${BOM}${CSV_COLUMNS.join(',')}\r\n`;
}

/** One cell as the file writes it: a formula neutralised, quotes doubled where quoted. */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * RFC 4180 lines for some records (quoted where needed, each ended by CRLF), with the row
 * function of one export: a file is its header and the lines of its records, written at once or
 * page by page (csv-stream.ts). Written here rather than by Papa.unparse, which took 3–4 times as
 * long for 50,000 rows (its general cell handling) and wrote the same bytes.
 */
export function csvLines(records: readonly InvitationRecord[], rowOf: (record: InvitationRecord) => CsvRow): string {
  let lines = '';
  for (const record of records) {
    const row = rowOf(record);
    lines += `${CSV_COLUMNS.map((column) => csvCell(row[column])).join(',')}\r\n`;
  }
  return lines;
}

/** The whole CSV file of `records`. */
export function toCsv(
  records: readonly InvitationRecord[],
  settings: ResolvedSettings,
  now: number,
  account = '',
): string {
  return csvHeader() + csvLines(records, csvRows(settings, now, account));
}

/** `lapse-invitations-YYYY-MM-DD.csv`, dated the user's own calendar day. */
export function csvFileName(now: number): string {
  return datedFileName('lapse-invitations', 'csv', now);
}
