/**
 * A file of the export that cannot be imported. The message names the file and, where there is
 * one, the row as a spreadsheet numbers it (1-based, a quoted field with line breaks is one row).
 */
export class ExportFileError extends Error {
  override name = 'ExportFileError';
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly detail: string,
  ) {
    super(row === null ? `${file}: ${detail}` : `${file}, row ${row}: ${detail}`);
  }
}
