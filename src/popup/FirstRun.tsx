import { t } from '../shared/i18n';

/** Shown while the ledger is empty: what Lapse does, and the one button that gets it going. */
export function FirstRun({ onOpenSentPage }: { onOpenSentPage: () => void }) {
  return (
    <section class="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('first_run_title')}</h2>
      <p>{t('first_run_body')}</p>
      <button type="button" class="primary" onClick={onOpenSentPage}>
        {t('open_sent_page')}
      </button>
      <p class="hint">{t('first_run_private')}</p>
    </section>
  );
}
