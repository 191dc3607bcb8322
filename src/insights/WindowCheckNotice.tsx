import type { Settings } from '../model/settings';
import type { WindowCheck } from '../rules';
import { t, tCount } from '../shared/i18n';
import { dateText } from '../shared/ui/format';

/** Invitations shown as evidence; the rest are counted. */
const SHOWN = 5;

/**
 * LinkedIn still lists invitations older than the expiry window allows: the setting is too
 * short. Names them, and offers the window that would cover them.
 */
export function WindowCheckNotice({
  check,
  count,
  windowLabel,
  onSwitch,
}: {
  check: WindowCheck;
  /** Tracked invitations past the window and still listed: ledgerCounts' figure, as the popup shows it. */
  count: number;
  windowLabel: string;
  onSwitch: (change: Partial<Settings>) => void;
}) {
  const { evidence, suggestion } = check;
  const oldest = evidence[0];
  if (!oldest || count === 0) return null;
  return (
    <section class="notice notice-warn window-check" aria-labelledby="window-check-title">
      <h2 id="window-check-title">{t('insights_window_title')}</h2>
      <p>{tCount('insights_window_short', count, [windowLabel])}</p>
      <p>{tCount('insights_window_oldest', oldest.youngestDaysWhenSeen, [dateText(oldest.seenAt)])}</p>
      <ul>
        {evidence.slice(0, SHOWN).map((e) => (
          <li key={e.record.id}>
            <strong>{e.record.name}</strong>
            {' — '}
            {t('insights_window_item', [e.youngestDaysWhenSeen, dateText(e.seenAt)])}
          </li>
        ))}
      </ul>
      {evidence.length > SHOWN && <p>{tCount('insights_window_more', evidence.length - SHOWN)}</p>}
      <div class="button-row">
        {suggestion ? (
          <button type="button" class="primary" onClick={() => onSwitch(suggestion)}>
            {suggestion.expiryWindow === 'six-months'
              ? t('insights_window_switch_six_months')
              : t('insights_window_switch_days', suggestion.customWindowDays)}
          </button>
        ) : (
          <p>{t('insights_window_no_fit')}</p>
        )}
        <button type="button" onClick={() => onSwitch({ expiryWindow: 'learned' })}>
          {t('insights_window_learn')}
        </button>
      </div>
    </section>
  );
}
