import { type AcceptanceStats, MIN_SAMPLE } from '../rules';
import { t, tCount } from '../shared/i18n';
import { daysNumber, percentText } from './numbers';

/** Acceptance rate and median time to accept, each with what it rests on. */
export function AcceptanceSection({ stats }: { stats: AcceptanceStats }) {
  const { timeToAccept: time } = stats;
  return (
    <section aria-labelledby="acceptance-title">
      <h2 id="acceptance-title">{t('insights_acceptance_title')}</h2>
      {stats.rate === null || stats.rateIfGoneAccepted === null ? (
        <p>
          {stats.base >= MIN_SAMPLE
            ? t('insights_rate_no_answers')
            : tCount('insights_rate_not_enough', stats.base, [MIN_SAMPLE])}
        </p>
      ) : (
        <>
          <p class="figure">{t('insights_rate', [percentText(stats.rate), stats.accepted, stats.base])}</p>
          {stats.gone > 0 && (
            <p>{tCount('insights_rate_ceiling', stats.gone, [percentText(stats.rateIfGoneAccepted)])}</p>
          )}
        </>
      )}
      <p class="hint">{t('insights_rate_base')}</p>
      {time.medianDays === null || time.lowDays === null || time.highDays === null ? (
        <p>{tCount('insights_median_not_enough', time.count, [MIN_SAMPLE])}</p>
      ) : (
        <p class="figure">
          {t('insights_median', [
            daysNumber(time.medianDays),
            daysNumber(time.lowDays),
            daysNumber(time.highDays),
            time.count,
          ])}
        </p>
      )}
    </section>
  );
}
