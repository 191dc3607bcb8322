import { useState } from 'preact/hooks';
import { ExportFileError } from '../import/errors';
import { readExport } from '../import/read-export';
import type { ExportSkipReason, LinkedInExport, LinkedInImportReport } from '../model/linkedin-export';
import { type MessageKey, t, tCount } from '../shared/i18n';
import { sendToBackground } from '../shared/messaging';
import { problemText } from '../shared/ui/problem-text';
import { exportProblemText } from './export-problem-text';
import { ImportAccountQuestion } from './ImportAccountQuestion';

const REASONS: Record<ExportSkipReason, MessageKey> = {
  incoming: 'import_reason_incoming',
  'no-profile': 'import_reason_no_profile',
  'older-invitation': 'import_reason_older_invitation',
  'newer-in-ledger': 'import_reason_newer_in_ledger',
  'not-in-ledger': 'import_reason_not_in_ledger',
  'connected-before-sent': 'import_reason_connected_before_sent',
  'user-status': 'import_reason_user_status',
};

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Why nothing was imported, in the user's language: the file and row at fault, or what failed. */
const importFailedText = (cause: unknown) =>
  t('import_failed', cause instanceof ExportFileError ? exportProblemText(cause) : sentence(problemText(cause)));

/** An export of an account Lapse has not seen, waiting for the user to say whose it is. */
interface PendingExport {
  data: LinkedInExport;
  files: string;
  account: string;
  known: string[];
}

/** The chosen files' bytes, each with its name. */
const readFiles = (files: File[]) =>
  Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));

/** Reads the chosen files, hands them to the worker, and keeps its report, its question or the error. */
function useLinkedInImport() {
  const [report, setReport] = useState<{ files: string; result: LinkedInImportReport } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<PendingExport | null>(null);

  const send = async (data: LinkedInExport, files: string, into?: string) => {
    const result = await sendToBackground({ type: 'import-linkedin-export', export: data, into });
    if ('needsAccount' in result) setAsking({ data, files, ...result.needsAccount });
    else setReport({ files, result });
  };
  const choose = (into: string) => {
    const pending = asking;
    setAsking(null);
    if (pending) void send(pending.data, pending.files, into).catch((cause) => setError(importFailedText(cause)));
  };

  const importFiles = async (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    setError(null);
    setReport(null);
    setBusy(true);
    try {
      await send(readExport(await readFiles(files)), files.map((f) => f.name).join(', '));
    } catch (cause) {
      setError(importFailedText(cause));
    } finally {
      setBusy(false);
    }
  };

  return { report, error, busy, asking, importFiles, choose, dismiss: () => setAsking(null) };
}

/**
 * Imports Invitations.csv, Connections.csv or LinkedIn's whole archive. Every file is read and
 * checked here first; only when all of them are sound does the worker merge them, in one
 * transaction. Any problem names the file and row, and nothing is imported.
 */
export function LinkedInImport() {
  const { report, error, busy, asking, importFiles, choose, dismiss } = useLinkedInImport();

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('import_title')}</h2>
      <p class="hint">{t('import_hint')}</p>
      <p class="hint">{t('import_assumptions')}</p>
      <label class="file-button">
        {t('import_choose')}
        <input
          type="file"
          multiple
          accept=".csv,.zip,text/csv,application/zip"
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            void importFiles(input.files).finally(() => {
              input.value = '';
            });
          }}
        />
      </label>
      {busy && <p role="status">{t('import_busy')}</p>}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      {asking && (
        <ImportAccountQuestion account={asking.account} known={asking.known} onChoose={choose} onCancel={dismiss} />
      )}
      {report && <ImportReportView files={report.files} report={report.result} />}
    </section>
  );
}

function ImportReportView({ files, report }: { files: string; report: LinkedInImportReport }) {
  return (
    <div class="report" role="status">
      <p>{t('import_done_files', files)}</p>
      <p>
        {tCount('import_matched', report.matched)} · {tCount('import_added', report.added)} ·{' '}
        {tCount('import_changed', report.changed)}
      </p>
      {report.changed === 0 && <p>{t('import_up_to_date')}</p>}
      {report.skipped.length > 0 && (
        <>
          <p>{t('import_skipped_title')}</p>
          <ul class="rejected">
            {report.skipped.map(({ reason, count }) => (
              <li key={reason}>{t('import_skipped_item', [count, t(REASONS[reason])])}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
