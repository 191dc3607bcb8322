import type { ExportedConnection, ExportSkipReason } from '../model/linkedin-export';
import { canonicalProfileUrl } from '../model/profile';
import { connectedDay } from './dates';
import { ExportFileError } from './errors';
import { countSkip, type ParsedRows } from './invitations';
import { dataRows, type Header, type Table } from './table';

/** The columns of Connections.csv that Lapse needs (it also has Email Address, Company, Position). */
export const CONNECTION_COLUMNS = ['First Name', 'Last Name', 'URL', 'Connected On'] as const;

/** Connections.csv: every row with a profile link and a readable date; a bad date refuses the file. */
export function parseConnections(table: Table, header: Header): ParsedRows<ExportedConnection> {
  const skipped = new Map<ExportSkipReason, number>();
  const rows: ExportedConnection[] = [];
  for (const row of dataRows(table, header)) {
    const connected = connectedDay(row.get('Connected On'));
    if ('code' in connected) throw new ExportFileError(table.file, row.row, { ...connected, column: 'Connected On' });
    const profileUrl = row.get('URL') ? canonicalProfileUrl(row.get('URL')) : null;
    if (profileUrl === null) {
      countSkip(skipped, 'no-profile');
      continue;
    }
    const name = `${row.get('First Name')} ${row.get('Last Name')}`.trim().slice(0, 1000);
    rows.push({ row: row.row, profileUrl, name, connected });
  }
  return { rows, skipped };
}
