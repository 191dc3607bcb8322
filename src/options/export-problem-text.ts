import type { DateColumn, ExportFileError, ExportProblem } from '../import/errors';
import { t, uiLocale } from '../shared/i18n';

/** How each date column is written in LinkedIn's export: shown beside a date that cannot be read. */
const DATE_EXAMPLE: Record<DateColumn, string> = { 'Sent At': '3/5/26, 1:45 AM', 'Connected On': '05 Mar 2026' };

const columnList = (columns: readonly string[]) => new Intl.ListFormat(uiLocale()).format(columns);

/** Why a file cannot be imported, in the user's language. */
function reasonText(problem: ExportProblem): string {
  switch (problem.code) {
    case 'not-zip':
      return t('import_problem_not_zip');
    case 'no-csv':
      return t('import_problem_no_csv');
    case 'not-text':
      return t('import_problem_not_text');
    case 'not-utf8':
      return t('import_problem_not_utf8');
    case 'quote-not-closed':
      return t('import_problem_quote');
    case 'mixed-date-formats':
      return t('import_problem_mixed_dates');
    case 'ambiguous-dates':
      return t('import_problem_ambiguous_dates');
    case 'not-export':
      return t('import_problem_not_export', [
        columnList(problem.invitationColumns),
        columnList(problem.connectionColumns),
      ]);
    case 'too-big':
      return t('import_problem_too_big', [problem.megabytes, problem.maxMegabytes]);
    case 'field-count':
      return t('import_problem_field_count', [problem.expected, problem.found]);
    case 'direction':
      return t('import_problem_direction', problem.value);
    case 'not-a-date':
      return t('import_problem_not_a_date', [problem.column, problem.value, DATE_EXAMPLE[problem.column]]);
    case 'no-such-date':
      return t('import_problem_no_such_date', [problem.column, problem.value]);
    case 'no-such-hour':
      return t('import_problem_no_such_hour', [problem.column, problem.value]);
    case 'out-of-range':
      return t('import_problem_out_of_range', [problem.column, problem.value]);
  }
}

/** The file (and row) that cannot be imported, and why, in the user's language. */
export function exportProblemText(error: ExportFileError): string {
  const why = reasonText(error.problem);
  return error.row === null
    ? t('import_problem_in_file', [error.file, why])
    : t('import_problem_in_row', [error.file, error.row, why]);
}
