import { useState } from 'preact/hooks';
import type { Settings } from '../model/settings';
import type { PendingCap } from '../rules';
import { t, tCount } from '../shared/i18n';
import { NumberField } from '../shared/ui/NumberField';

/** Oldest shown at first; the rest a click away (a ledger far over the cap lists thousands). */
const SHOWN = 10;

/** Pending invitations against the user's cap, and the oldest ones to withdraw first. */
export function CapSection({ cap, save }: { cap: PendingCap; save: (change: Partial<Settings>) => Promise<unknown> }) {
  const [shown, setShown] = useState(SHOWN);
  const hidden = cap.oldest.length - shown;
  return (
    <section aria-labelledby="cap-title">
      <h2 id="cap-title">{t('insights_cap_title')}</h2>
      <p class="figure">{t('insights_cap_count', [cap.pending, cap.cap])}</p>
      {cap.over > 0 ? (
        <p class="notice notice-warn">{tCount('insights_cap_over', cap.over)}</p>
      ) : (
        <p>{tCount('insights_cap_room_left', cap.cap - cap.pending)}</p>
      )}
      <NumberField
        setting="pendingCap"
        label={t('insights_cap_field')}
        hint={t('insights_cap_hint')}
        value={cap.cap}
        save={save}
      />
      {cap.oldest.length > 0 && (
        <>
          <h3>{t('insights_cap_oldest_title')}</h3>
          <p class="hint">{t('insights_cap_oldest_how')}</p>
          <ol class="oldest">
            {cap.oldest.slice(0, shown).map(({ record, youngestDays }) => (
              <li key={record.id}>
                <a href={record.profileUrl} target="_blank" rel="noopener noreferrer">
                  {record.name}
                </a>
                <span class="muted">
                  {' — '}
                  {youngestDays === null ? t('insights_cap_age_unknown') : tCount('insights_cap_age', youngestDays)}
                </span>
              </li>
            ))}
          </ol>
          {hidden > 0 && (
            <button type="button" onClick={() => setShown(shown + SHOWN * 5)}>
              {t('insights_cap_show_more', Math.min(hidden, SHOWN * 5))}
            </button>
          )}
        </>
      )}
    </section>
  );
}
