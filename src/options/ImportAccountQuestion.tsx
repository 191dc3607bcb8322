import { accountLabel } from '../shared/account-label';
import { t } from '../shared/i18n';

/**
 * Asked when LinkedIn's export was sent by an account Lapse has not seen: which ledger it belongs
 * to. Nothing is imported until the user chooses.
 */
export function ImportAccountQuestion(props: {
  account: string;
  known: readonly string[];
  onChoose: (into: string) => void;
  onCancel: () => void;
}) {
  return (
    <div class="notice notice-warn" role="alertdialog" aria-labelledby="import-account-question">
      <p id="import-account-question">{t('import_account_question', props.account)}</p>
      <button type="button" onClick={() => props.onChoose(props.account)}>
        {t('import_account_new', props.account)}
      </button>
      {props.known.map((known) => (
        <button type="button" key={known} onClick={() => props.onChoose(known)}>
          {t('import_account_into', accountLabel(known))}
        </button>
      ))}
      <button type="button" class="link" onClick={props.onCancel}>
        {t('import_account_cancel')}
      </button>
    </div>
  );
}
