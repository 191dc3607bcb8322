import type { ScanProgress } from '../model/messages';
import { t } from '../shared/i18n';
import { stalledText } from './failure-text';

/** "Scan all" progress (read/total, Cancel) while it runs; how it ended once it stopped. */
export function ScanStatus({ scan, onCancel }: { scan: ScanProgress | null; onCancel: () => void }) {
  if (!scan) return null;
  if (scan.state === 'running') {
    return (
      <div class="scan" role="status">
        <span>
          {scan.total === null ? t('scan_running_no_total', scan.read) : t('scan_running', [scan.read, scan.total])}
        </span>
        {scan.total !== null && scan.total > 0 && (
          <progress max={scan.total} value={Math.min(scan.read, scan.total)} aria-label={t('scan_progress_label')} />
        )}
        <button type="button" class="small" onClick={onCancel}>
          {t('scan_cancel')}
        </button>
      </div>
    );
  }
  const key =
    scan.state === 'done'
      ? 'scan_done'
      : scan.state === 'cancelled'
        ? 'scan_cancelled'
        : scan.state === 'stalled'
          ? 'scan_stalled'
          : 'scan_error';
  const problem = scan.state === 'stalled' || scan.state === 'error';
  const why = stopReason(scan);
  return (
    <div class={problem ? 'scan notice notice-warn' : 'scan'} role="status">
      <span>{t(key, scan.read)}</span>
      {why && <span class="scan-message"> {why}</span>}
    </div>
  );
}

/** Why a scan stopped short: in the user's language when it stalled; an error in its own words. */
function stopReason(scan: ScanProgress): string | null {
  if (scan.state === 'stalled') return scan.stalledBy ? stalledText(scan.stalledBy) : null;
  return scan.state === 'error' ? scan.message : null;
}
