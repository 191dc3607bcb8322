import { t } from '../i18n';

/** The ledger could not be read: why, and a way to try again. Shared by popup and insights. */
export function LedgerUnavailable({ error, retry }: { error: string; retry: () => void }) {
  return (
    <div class="notice notice-danger" role="alert">
      <p>{t('ledger_unavailable')}</p>
      <p class="detail">{error}</p>
      <button type="button" onClick={retry}>
        {t('retry')}
      </button>
    </div>
  );
}
