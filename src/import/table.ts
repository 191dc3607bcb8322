import Papa from 'papaparse';
import { ExportFileError } from './errors';

/** A CSV file as rows of fields; `rows[i]` is spreadsheet row i + 1. */
export interface Table {
  file: string;
  rows: string[][];
}

/** Parses CSV text (quoted commas and line breaks, BOM, CRLF); a broken quote is an error naming its row. */
export function readTable(file: string, text: string): Table {
  if (text.includes('\u0000')) throw new ExportFileError(file, null, { code: 'not-text' });
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
  const broken = parsed.errors.find((error) => error.type === 'Quotes');
  if (broken) {
    throw new ExportFileError(file, (broken.row ?? 0) + 1, { code: 'quote-not-closed' });
  }
  return { file, rows: parsed.data };
}

const normalise = (field: string) =>
  field
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/** A row with no content (blank lines, the final newline). */
export function isBlank(row: readonly string[]): boolean {
  return row.every((field) => field.trim() === '');
}

/** How far down notes may push the header (Connections.csv has a few lines of notes first). */
const HEADER_SEARCH_ROWS = 30;

export interface Header {
  /** Index of the header row in `table.rows`. */
  index: number;
  /** Column index of each wanted column, by its name as given. */
  columns: Record<string, number>;
  width: number;
}

/** The first row (of the first few) that has every wanted column, case and spaces aside. */
export function findHeader(table: Table, wanted: readonly string[]): Header | null {
  const limit = Math.min(table.rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const row = table.rows[index] ?? [];
    const names = row.map(normalise);
    const columns: Record<string, number> = {};
    let all = true;
    for (const name of wanted) {
      const at = names.indexOf(name.toLowerCase());
      if (at < 0) {
        all = false;
        break;
      }
      columns[name] = at;
    }
    if (all) return { index, columns, width: row.length };
  }
  return null;
}

/** The rows below the header, with their spreadsheet numbers; blank rows left out, short or long rows refused. */
export function* dataRows(table: Table, header: Header): Generator<{ row: number; get: (column: string) => string }> {
  for (let index = header.index + 1; index < table.rows.length; index++) {
    const fields = table.rows[index] ?? [];
    if (isBlank(fields)) continue;
    const row = index + 1;
    if (fields.length !== header.width) {
      throw new ExportFileError(table.file, row, { code: 'field-count', expected: header.width, found: fields.length });
    }
    yield { row, get: (column) => (fields[header.columns[column] ?? -1] ?? '').trim() };
  }
}
