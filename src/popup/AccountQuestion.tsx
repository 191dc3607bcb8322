import type { HeldReading } from '../model/account';
import { accountLabel } from '../shared/account-label';
import { t } from '../shared/i18n';

/**
 * "Is this a different LinkedIn account?", asked once for a reading Lapse held back because it
 * did not match the ledger it seemed to belong to. Nothing changed until the user answers.
 */
export function AccountQuestion(props: { question: HeldReading; onAnswer: (different: boolean) => void }) {
  const account = accountLabel(props.question.candidate);
  return (
    <div class="notice notice-warn account-question" role="alertdialog" aria-labelledby="account-question-title">
      <p id="account-question-title">
        <strong>{t('account_question')}</strong>
      </p>
      <p>{t('account_question_detail', account)}</p>
      <p>
        <button type="button" onClick={() => props.onAnswer(true)}>
          {t('account_question_yes')}
        </button>{' '}
        <button type="button" onClick={() => props.onAnswer(false)}>
          {t('account_question_no', account)}
        </button>
      </p>
    </div>
  );
}
