import type { ReadingLogEntry } from '../model/reading';
import { t } from '../shared/i18n';
import { dateTimeText } from '../shared/ui/format';
import { loggedFailureText } from './failure-text';

/**
 * What the last reading of the Sent page means for the user: a failure (what happened, when the
 * last good reading was, Retry) or a partial reading (how much was seen, Scan all). Nothing when
 * the last reading was complete.
 */
export function ReadingNotice({
  lastReading,
  lastComplete,
  scanning,
  onRetry,
  onScanAll,
}: {
  lastReading: ReadingLogEntry | null;
  lastComplete: ReadingLogEntry | null;
  scanning: boolean;
  onRetry: () => void;
  onScanAll: () => void;
}) {
  if (!lastReading || lastReading.complete) return null;
  if (lastReading.failed) {
    const why = loggedFailureText(lastReading);
    return (
      <div class="notice notice-danger" role="alert">
        <p>{t('reading_failed')}</p>
        {why && <p class="detail">{why}</p>}
        <p class="detail">
          {lastComplete ? t('reading_last_good', dateTimeText(lastComplete.at)) : t('reading_no_good_yet')}
        </p>
        <button type="button" class="small" onClick={onRetry}>
          {t('reading_retry')}
        </button>
      </div>
    );
  }
  if (scanning) return null;
  return (
    <div class="notice notice-warn" role="status">
      <p>
        {lastReading.total === null
          ? t('reading_partial_no_total', lastReading.read)
          : t('reading_partial', [lastReading.read, lastReading.total])}{' '}
        <button type="button" class="link" onClick={onScanAll}>
          {t('scan_all')}
        </button>
      </p>
    </div>
  );
}
