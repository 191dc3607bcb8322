import type { ScanProgress } from '../model/messages';
import type { ReadingLogEntry } from '../model/reading';
import type { LedgerCounts } from '../rules';
import { t, tCount } from '../shared/i18n';
import { dateTimeText } from '../shared/ui/format';
import { ScanStatus } from './ScanStatus';

export interface HeaderProps {
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

/** Counts, when the Sent page was last read, and the two ways to read it again. */
export function Header(props: HeaderProps) {
  const scanning = props.scan?.state === 'running';
  return (
    <header class="header">
      <div class="header-top">
        <h1>{t('extName')}</h1>
        {props.counts && (
          <p class="counts">
            <span>{tCount('header_pending', props.counts.pending)}</span>
            {props.counts.nearing > 0 && (
              <>
                <span> · </span>
                <span class="count-nearing">{tCount('header_nearing', props.counts.nearing)}</span>
              </>
            )}
            <span> · </span>
            <span>{t('header_older', [props.counts.olderThanBadge, tCount('weeks', props.badgeWeeks)])}</span>
          </p>
        )}
      </div>
      <p class="last-read">{readingText(props.lastReading)}</p>
      <div class="button-row">
        <button type="button" onClick={props.onOpenSentPage}>
          {t('open_sent_page')}
        </button>
        <button type="button" onClick={props.onScanAll} disabled={scanning}>
          {t('scan_all')}
        </button>
        <a href="../insights/index.html" target="_blank" rel="noopener">
          {t('insights_link')}
        </a>
      </div>
      <ScanStatus scan={props.scan} onCancel={props.onCancelScan} />
    </header>
  );
}
