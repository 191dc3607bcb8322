import { accountLabel } from '../shared/account-label';
import { t } from '../shared/i18n';

/**
 * Names the LinkedIn account whose ledger is shown, and switches between the accounts Lapse
 * knows. Nothing to show while there is one unnamed ledger only (a user with one account).
 */
export function AccountSwitcher(props: {
  known: readonly string[];
  chosen: string;
  onChoose: (account: string) => void;
}) {
  const { known, chosen } = props;
  if (known.length === 0 || (known.length === 1 && known[0] === '' && chosen === '')) return null;
  const options = known.includes(chosen) ? known : [...known, chosen];
  return (
    <div class="account-switcher">
      <label>
        {t('account_switcher_label')}{' '}
        <select value={chosen} onChange={(event) => props.onChoose(event.currentTarget.value)}>
          {options.map((account) => (
            <option key={account} value={account}>
              {accountLabel(account)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
