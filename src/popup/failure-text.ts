import type { StalledBy } from '../model/messages';
import type { ReadingFailure, ReadingLogEntry } from '../model/reading';
import { t, tCount } from '../shared/i18n';

/** Why a reading failed, in the user's language. */
export function failureText(failure: ReadingFailure): string {
  switch (failure.code) {
    case 'too-many':
      return t('reading_failure_too_many', [failure.read, failure.max]);
    case 'too-deep':
      return t('reading_failure_too_deep', failure.depth);
    case 'list-not-recognised':
      return tCount('reading_failure_list_not_recognised', failure.total);
    case 'none-read':
      return t('reading_failure_none_read', failure.total);
    case 'unreadable':
      return t(failure.languageKnown ? 'reading_failure_unreadable' : 'reading_failure_unreadable_language', [
        failure.unreadable,
        failure.looked,
      ]);
    case 'language-not-recognised':
      return tCount('reading_failure_language', failure.read);
    case 'parser-error':
      return t('reading_failure_parser_error', failure.detail);
    case 'clock-ahead':
      return t('reading_failure_clock_ahead', failure.minutes);
  }
}

/** Why a logged reading failed: entries logged before December 2026 say it in English only. */
export function loggedFailureText(entry: ReadingLogEntry): string | null {
  return entry.failure ? failureText(entry.failure) : entry.failureReason;
}

/** Why "Scan all" stalled, in the user's language. */
export function stalledText(stalledBy: StalledBy): string {
  return t(stalledBy === 'load-more-ignored' ? 'scan_stalled_load_more_ignored' : 'scan_stalled_page_silent');
}
