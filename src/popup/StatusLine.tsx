import type { ScanProgress } from '../model/messages';
import type { ReadingLogEntry } from '../model/reading';
import type { LedgerCounts } from '../rules';
import { t, tCount } from '../shared/i18n';
import { dateTimeText } from '../shared/ui/format';
import { ScanStatus } from './ScanStatus';

export interface StatusLineProps {
  /** Null until the whole ledger is read (the first rows show before that). */
  counts: LedgerCounts | null;
  badgeWeeks: number;
  lastReading: ReadingLogEntry | null;
  scan: ScanProgress | null;
  onOpenSentPage: () => void;
  onScanAll: () => void;
  onCancelScan: () => void;
}

function readingText(reading: ReadingLogEntry | null): string {
  if (!reading) return t('last_read_never');
  const when = dateTimeText(reading.at);
  if (reading.failed) return t('last_read_failed', when);
  if (reading.complete) return t('last_read_complete', when);
  return reading.total === null
    ? t('last_read_partial_no_total', [when, reading.read])
    : t('last_read_partial', [when, reading.read, reading.total]);
}

/** What needs doing, in one line, then when the Sent page was last read and how to read it again. */
export function StatusLine(props: StatusLineProps) {
  const scanning = props.scan?.state === 'running';
  const { counts } = props;
  return (
    <header class="header">
      <div class="header-top">
        <h1>{t('extName')}</h1>
        <div class="header-actions">
          <button type="button" class="small" onClick={props.onOpenSentPage}>
            {t('open_sent_page')}
          </button>
          <button type="button" class="small" onClick={props.onScanAll} disabled={scanning}>
            {t('scan_all')}
          </button>
          <a class="small-link" href="../insights/index.html" target="_blank" rel="noopener">
            {t('insights_link')}
          </a>
        </div>
      </div>
      {counts && (
        <p class="counts">
          {counts.nearing > 0 && (
            <>
              <strong class="count-act">{tCount('header_nearing', counts.nearing)}</strong>
              <span aria-hidden="true"> · </span>
            </>
          )}
          <span>{tCount('header_pending', counts.pending)}</span>
          <span aria-hidden="true"> · </span>
          <span>{t('header_older', [counts.olderThanBadge, tCount('weeks', props.badgeWeeks)])}</span>
        </p>
      )}
      <p class="last-read">{readingText(props.lastReading)}</p>
      <ScanStatus scan={props.scan} onCancel={props.onCancelScan} />
    </header>
  );
}
