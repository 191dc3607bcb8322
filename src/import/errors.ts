/**
 * Why a file of LinkedIn's export cannot be imported: a code and its figures, worded only where
 * it is shown (src/options/export-problem-text.ts), in the user's language.
 */
export type ExportProblem =
  | {
      code:
        | 'not-zip'
        | 'no-csv'
        | 'not-text'
        | 'not-utf8'
        | 'quote-not-closed'
        | 'mixed-date-formats'
        | 'ambiguous-dates';
    }
  | { code: 'not-export'; invitationColumns: readonly string[]; connectionColumns: readonly string[] }
  | { code: 'too-big'; megabytes: number; maxMegabytes: number }
  | { code: 'field-count'; expected: number; found: number }
  | { code: 'direction'; value: string }
  | (DateProblem & { column: DateColumn });

/** A date refused, with the value as the file wrote it. */
export interface DateProblem {
  code: 'not-a-date' | 'no-such-date' | 'no-such-hour' | 'out-of-range';
  value: string;
}

/** The export's two date columns. */
export type DateColumn = 'Sent At' | 'Connected On';

/**
 * A file of the export that cannot be imported: the file, the row as a spreadsheet numbers it
 * (1-based, a quoted field with line breaks is one row) where there is one, and why. The message
 * is for logs and tests.
 */
export class ExportFileError extends Error {
  override name = 'ExportFileError';
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly problem: ExportProblem,
  ) {
    super(`${row === null ? file : `${file}, row ${row}`}: ${JSON.stringify(problem)}`);
  }
}
