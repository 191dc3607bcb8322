import { useState } from 'preact/hooks';
import type { ImportReport } from '../model/messages';
import { datedFileName } from '../shared/dated-file-name';
import { t, tCount } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { downloadFile } from '../shared/ui/download';

/** Download the whole ledger as JSON, and merge such a file back in, with a report. */
export function BackupSection() {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The current account's ledger, or every account's ('*'). */
  const download = async (account?: '*') => {
    setError(null);
    try {
      const { json } = await sendToBackground({ type: 'export-backup', account });
      downloadFile(datedFileName('lapse-backup', 'json', Date.now()), json, 'application/json');
    } catch (cause) {
      setError(t('backup_failed', cause instanceof Error ? cause.message : String(cause)));
    }
  };

  const restore = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReport(null);
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      setError(t('restore_not_json', file.name));
      return;
    }
    setBusy(true);
    try {
      setReport(await sendToBackground({ type: 'import-backup', backup }));
    } catch (cause) {
      setError(t('restore_failed', cause instanceof Error ? cause.message : String(cause)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup_title')}</h2>
      <p class="hint">{t('backup_hint')}</p>
      <div class="button-row">
        <button type="button" onClick={() => void download()}>
          {t('backup_download')}
        </button>
        <button type="button" onClick={() => void download('*')}>
          {t('export_all_accounts')}
        </button>
        <label class="file-button">
          {t('backup_restore')}
          <input
            type="file"
            accept="application/json,.json"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              void restore(input.files?.[0]).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div class="report" role="status">
          <p>
            {tCount('restore_imported', report.imported)} · {tCount('restore_unchanged', report.unchanged)} ·{' '}
            {tCount('restore_rejected', report.rejected.length)}
          </p>
          {report.rejected.length > 0 && (
            <ul class="rejected">
              {report.rejected.slice(0, 100).map((item) => (
                <li key={item.index}>{t('restore_rejected_item', [item.index + 1, item.reason])}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
