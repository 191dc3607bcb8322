import { isUnnamed, UNNAMED_ACCOUNT } from '../model/account';
import { t } from './i18n';

/** How an account is named to people: its LinkedIn name (slug), or what an unnamed ledger is. */
export function accountLabel(account: string): string {
  if (!isUnnamed(account)) return account;
  return account === UNNAMED_ACCOUNT ? t('account_unnamed') : t('account_unnamed_n', account.slice(1));
}
