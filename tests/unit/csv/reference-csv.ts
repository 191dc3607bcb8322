import Papa from 'papaparse';
import type { InvitationRecord } from '../../../src/model/invitation';
import type { ResolvedSettings as Settings } from '../../../src/rules';
import { assess } from '../../../src/rules';
import { CSV_COLUMNS, type CsvRow } from '../../../src/shared/csv';

/**
 * The CSV export as it was written before it was made faster (src/shared/csv.ts at c096322),
 * kept as the oracle the fast export must equal byte for byte: one `assess` per row, each date
 * formatted on its own, every row handed to papaparse as an array.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const BOM = '\uFEFF';

export function referenceIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function referenceIsoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function referenceRow(record: InvitationRecord, settings: Settings, now: number): CsvRow {
  const a = assess(record, settings, now);
  return {
    name: record.name,
    profile_url: record.profileUrl,
    headline: record.headline ?? '',
    status: record.status,
    expiry_status: a.expiry ?? '',
    sent_earliest: record.sent ? referenceIsoDate(record.sent.earliest) : '',
    sent_latest: record.sent ? referenceIsoDate(record.sent.latest) : '',
    age_days_min: a.age?.minDays ?? '',
    age_days_max: a.age?.maxDays ?? '',
    expires_earliest: a.expires ? referenceIsoDate(a.expires.earliest) : '',
    expires_latest: a.expires ? referenceIsoDate(a.expires.latest) : '',
    days_left: a.daysLeft ?? '',
    first_seen: referenceIsoTime(record.firstSeenAt),
    last_seen: referenceIsoTime(record.lastSeenAt),
    suggestion: a.suggestion.kind,
    note: record.note ?? '',
    // The columns appended for issue 15, each written the plain way.
    invite_message: record.inviteMessage ?? '',
    accepted_earliest: record.acceptedAt ? referenceIsoDate(record.acceptedAt.earliest) : '',
    accepted_latest: record.acceptedAt ? referenceIsoDate(record.acceptedAt.latest) : '',
    sent_exactness: record.sent === null ? '' : record.sentExact === true ? 'exact' : 'estimated',
    status_set_by: record.statusSetBy,
    hidden: String(record.hidden),
    conflicts: record.conflicts.length,
    account: '',
    // The columns appended for issue 19: the follow-up log and the snooze, each written the plain way.
    follow_up_count: record.followUps?.length ?? 0,
    follow_up_last: record.followUps?.length ? referenceIsoTime(Math.max(...record.followUps.map((f) => f.at))) : '',
    follow_up_times: (record.followUps ?? []).map((f) => referenceIsoTime(f.at)).join(';'),
    follow_up_channels: (record.followUps ?? []).map((f) => f.channel ?? '').join(';'),
    follow_up_templates: (record.followUps ?? []).map((f) => f.template ?? '').join(';'),
    snoozed_until: record.snoozedUntil ? referenceIsoTime(record.snoozedUntil) : '',
  };
}

export function referenceCsv(records: readonly InvitationRecord[], settings: Settings, now: number): string {
  const csv = Papa.unparse(
    {
      fields: [...CSV_COLUMNS],
      data: records.map((record) => {
        const row = referenceRow(record, settings, now);
        return CSV_COLUMNS.map((column) => row[column]);
      }),
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START, header: true },
  );
  return `${BOM}${csv.endsWith('\r\n') ? csv : `${csv}\r\n`}`;
}
