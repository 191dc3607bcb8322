import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportReport } from '../model/messages';
import { datedFileName } from '../shared/dated-file-name';
import { t, tCount, uiLocale } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { loadSettings } from '../shared/settings-store';
import { downloadBlob } from '../shared/ui/download';
import { problemText } from '../shared/ui/problem-text';
import { ALL_ACCOUNTS, backupBlob, openForReading } from '../store/read';
import { RestoreFileError, type RestoreOutcome, type RestoreProgress, restoreFile } from './restore-file';

/** Progress appears only for work that lasts longer than this: a quick restore just reports. */
const PROGRESS_AFTER_MS = 1000;

type Progress = RestoreProgress | { phase: 'writing'; done: number; total: number };

/** True once `busy` has lasted PROGRESS_AFTER_MS. */
function useLongRunning(busy: boolean): boolean {
  const [long, setLong] = useState(false);
  useEffect(() => {
    setLong(false);
    if (!busy) return;
    const timer = setTimeout(() => setLong(true), PROGRESS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  return long;
}

function progressText(progress: Progress): string {
  if (progress.phase === 'checking') {
    const share = progress.total > 0 ? progress.done / progress.total : 0;
    return t('bkp_checking', new Intl.NumberFormat(uiLocale(), { style: 'percent' }).format(share));
  }
  return t(progress.phase === 'writing' ? 'bkp_writing' : 'bkp_restoring', [progress.done, progress.total]);
}

/** Why the file was refused, in words; nothing was restored from it. */
function refusalText(error: unknown, fileName: string): string {
  if (!(error instanceof RestoreFileError)) {
    return t('restore_failed', problemText(error));
  }
  switch (error.problem) {
    case 'not-json':
      return t('restore_not_json', fileName);
    case 'truncated':
      return t('bkp_truncated', fileName);
    case 'newer-version':
      return t('bkp_newer', fileName);
    case 'not-backup':
      return t('bkp_not_backup', fileName);
  }
}

/** How far a restore that stopped got; null when it finished. */
function stoppedText({ stopped, merged, rows }: RestoreOutcome): string | null {
  if (stopped === null) return null;
  if (merged === 0 && stopped.reason === 'cancelled') return t('bkp_cancelled');
  return stopped.reason === 'cancelled'
    ? t('bkp_stopped_cancelled', [merged, rows])
    : t('bkp_stopped_failed', [merged, rows, stopped.message]);
}

/** What a restore merged, left as it was and refused (the first hundred refusals, each with why). */
function RestoreReport({ report }: { report: ImportReport }) {
  return (
    <div class="report" role="status">
      <p>
        {tCount('restore_imported', report.imported)} · {tCount('restore_unchanged', report.unchanged)} ·{' '}
        {tCount('restore_rejected', report.rejected.length)}
      </p>
      {report.rejected.length > 0 && (
        <ul class="rejected">
          {report.rejected.slice(0, 100).map((item, i) => (
            <li key={i}>{t('restore_rejected_item', [item.index + 1, item.reason])}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The current account's ledger, or every account's: written here, straight from the database. */
async function downloadBackup(which: typeof ALL_ACCOUNTS | undefined, onProgress: (progress: Progress) => void) {
  const now = Date.now();
  const blob = await backupBlob(await openForReading(), {
    settings: await loadSettings(),
    now,
    which,
    onProgress: ({ records, total }) => onProgress({ phase: 'writing', done: records, total }),
  });
  downloadBlob(datedFileName('lapse-backup', 'json', now), blob);
}

/** A download or a restore, one at a time: how far it got, and what it ended with. */
function useBackupWork() {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const cancel = useRef<AbortController | null>(null);

  const run = async (work: () => Promise<void>) => {
    setError(null);
    setReport(null);
    setProgress(null);
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
      cancel.current = null;
    }
  };

  const download = (which?: typeof ALL_ACCOUNTS) =>
    run(async () => {
      try {
        await downloadBackup(which, setProgress);
      } catch (cause) {
        setError(t('backup_failed', problemText(cause)));
      }
    });

  const restore = (file: File) =>
    run(async () => {
      const controller = new AbortController();
      cancel.current = controller;
      try {
        const outcome = await restoreFile(file, {
          send: sendToBackground,
          signal: controller.signal,
          onProgress: setProgress,
        });
        if (outcome.merged > 0 || outcome.stopped === null) setReport(outcome.report);
        setError(stoppedText(outcome));
      } catch (cause) {
        setError(refusalText(cause, file.name));
      }
    });

  // Only a restore can be cancelled: a download has no controller.
  const abort = cancel.current ? () => cancel.current?.abort() : null;
  return { report, error, progress, busy, download, restore, abort };
}

/** Download this account's ledger or every account's, or choose a backup file to restore. */
function BackupButtons({
  busy,
  onDownload,
  onRestore,
}: {
  busy: boolean;
  onDownload: (which?: typeof ALL_ACCOUNTS) => Promise<void>;
  onRestore: (file: File) => Promise<void>;
}) {
  return (
    <div class="button-row">
      <button type="button" disabled={busy} onClick={() => void onDownload()}>
        {t('backup_download')}
      </button>
      <button type="button" disabled={busy} onClick={() => void onDownload(ALL_ACCOUNTS)}>
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
            const file = input.files?.[0];
            if (file) void onRestore(file).finally(() => (input.value = ''));
          }}
        />
      </label>
    </div>
  );
}

/** How far the work has got; a restore can be cancelled from here. */
function BackupProgress({ progress, onCancel }: { progress: Progress; onCancel: (() => void) | null }) {
  return (
    <div class="backup-progress" role="status">
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={progressText(progress)} />{' '}
      <span>{progressText(progress)}</span>{' '}
      {onCancel && (
        <button type="button" class="small" onClick={onCancel}>
          {t('cancel')}
        </button>
      )}
    </div>
  );
}

/** Download the whole ledger as JSON, and merge such a file back in, with a report. */
export function BackupSection() {
  const { report, error, progress, busy, download, restore, abort } = useBackupWork();
  const long = useLongRunning(busy);

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backup_title')}</h2>
      <p class="hint">{t('backup_hint')}</p>
      <BackupButtons busy={busy} onDownload={download} onRestore={restore} />
      {busy && long && progress && <BackupProgress progress={progress} onCancel={abort} />}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {report && <RestoreReport report={report} />}
    </section>
  );
}
