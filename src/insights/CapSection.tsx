import type { Settings } from '../model/settings';
import type { PendingCap } from '../rules';
import { t, tCount } from '../shared/i18n';
import { NumberField } from '../shared/ui/NumberField';

/** Pending invitations against the user's cap, and the oldest ones to withdraw first. */
export function CapSection({ cap, save }: { cap: PendingCap; save: (change: Partial<Settings>) => Promise<unknown> }) {
  return (
    <section aria-labelledby="cap-title">
      <h2 id="cap-title">{t('insights_cap_title')}</h2>
      <p class="figure">{t('insights_cap_count', [cap.pending, cap.cap])}</p>
      {cap.over > 0 ? (
        <p class="notice notice-warn">{tCount('insights_cap_over', cap.over)}</p>
      ) : (
        <p>{tCount('insights_cap_room', cap.cap - cap.pending)}</p>
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
            {cap.oldest.map(({ record, youngestDays }) => (
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
        </>
      )}
    </section>
  );
}
