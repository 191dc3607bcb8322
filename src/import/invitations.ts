import { FIELD_LIMITS } from '../model/field-limits';
import type { ExportedInvitation, ExportSkipReason } from '../model/linkedin-export';
import { canonicalProfileUrl, invitationId, profileSlug } from '../model/profile';
import { decideDayOrder, readSentAt, sentInterval } from './dates';
import { ExportFileError } from './errors';
import { dataRows, type Header, type Table } from './table';

/** The columns of Invitations.csv that Lapse reads (the file has exactly these). */
export const INVITATION_COLUMNS = [
  'From',
  'To',
  'Sent At',
  'Message',
  'Direction',
  'inviterProfileUrl',
  'inviteeProfileUrl',
] as const;

export interface ParsedRows<T> {
  rows: T[];
  skipped: Map<ExportSkipReason, number>;
}

/** How often each inviter (an account slug) sent the OUTGOING rows: whose export it is. */
export type Inviters = Map<string, number>;

function countInviter(inviters: Inviters, url: string): void {
  const slug = invitationId(url);
  if (slug !== null && /^[^/?#%\\\s]+$/.test(slug)) inviters.set(slug, (inviters.get(slug) ?? 0) + 1);
}

export function countSkip(skipped: Map<ExportSkipReason, number>, reason: ExportSkipReason): void {
  skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
}

/**
 * Invitations.csv: OUTGOING rows become invitations (the invitee is the person); INCOMING rows
 * are counted as skipped. Every row is checked before any is returned, so one bad date refuses
 * the file. Day/month order of slashed dates is decided once for the file (see dates.ts).
 */
export function parseInvitations(
  table: Table,
  header: Header,
): ParsedRows<ExportedInvitation> & { inviters: Inviters } {
  const skipped = new Map<ExportSkipReason, number>();
  const inviters: Inviters = new Map();
  const outgoing: { row: number; get: (column: string) => string }[] = [];
  for (const row of dataRows(table, header)) {
    const direction = row.get('Direction').toUpperCase();
    if (direction === 'INCOMING') countSkip(skipped, 'incoming');
    else if (direction === 'OUTGOING') {
      outgoing.push(row);
      countInviter(inviters, row.get('inviterProfileUrl'));
    } else {
      throw new ExportFileError(table.file, row.row, { code: 'direction', value: row.get('Direction') });
    }
  }

  const shapes = outgoing.map((row) => readSentAt(row.get('Sent At')));
  const order = decideDayOrder(shapes);
  if (!order.ok) throw new ExportFileError(table.file, outgoing[order.index]?.row ?? null, { code: order.problem });

  const rows: ExportedInvitation[] = [];
  outgoing.forEach((row, index) => {
    const sent = sentInterval(shapes[index] ?? { kind: 'invalid', code: 'not-a-date', value: '' }, order.order);
    if ('code' in sent) throw new ExportFileError(table.file, row.row, { ...sent, column: 'Sent At' });
    const profileUrl = canonicalProfileUrl(row.get('inviteeProfileUrl'));
    if (!row.get('inviteeProfileUrl') || profileUrl === null) {
      countSkip(skipped, 'no-profile');
      return;
    }
    const message = row.get('Message');
    rows.push({
      row: row.row,
      profileUrl,
      name: (row.get('To') || profileSlug(profileUrl) || profileUrl).slice(0, FIELD_LIMITS.name),
      sent,
      message: message ? message.slice(0, FIELD_LIMITS.note) : null,
    });
  });
  return { rows, skipped, inviters };
}
