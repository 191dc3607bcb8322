import type { AgeHistogram } from '../rules';
import { t, tCount } from '../shared/i18n';
import { BarChart } from './BarChart';

/** "0–6 days", or "52+ weeks" for the open last bucket. */
function weekRange(week: number, open: boolean): string {
  return open ? t('insights_age_bucket_open', week) : t('insights_age_bucket', [week * 7, week * 7 + 6]);
}

/** Pending invitations by age, with the warning window and the expiry window drawn on it. */
export function AgeSection({ histogram, windowLabel }: { histogram: AgeHistogram; windowLabel: string }) {
  const { buckets, lastIsOpen } = histogram;
  const last = buckets.length - 1;
  const summary = [
    tCount('insights_age_summary', histogram.counted),
    t('insights_age_summary_window', [histogram.windowDays, histogram.warningFromDays]),
    histogram.unknownAge > 0 ? tCount('insights_age_unknown', histogram.unknownAge) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section aria-labelledby="age-title">
      <h2 id="age-title">{t('insights_age_title')}</h2>
      <p class="hint">{t('insights_age_how')}</p>
      <BarChart
        summary={summary}
        bars={buckets.map((b) => ({ key: String(b.week), solid: b.count - b.uncertain, light: b.uncertain }))}
        tick={(index) => (index % 4 === 0 ? String(index) : null)}
        axisTitle={t('insights_age_axis')}
        band={{
          from: histogram.warningFromDays / 7,
          to: histogram.windowDays / 7,
          label: t('insights_age_warning_label'),
        }}
        mark={{ at: histogram.windowDays / 7, label: t('insights_age_window_label', windowLabel) }}
      />
      <p>{summary}</p>
      <details>
        <summary>{t('insights_show_table')}</summary>
        <table>
          <caption class="visually-hidden">{t('insights_age_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('insights_age_col_age')}</th>
              <th scope="col">{t('insights_age_col_count')}</th>
              <th scope="col">{t('insights_age_col_uncertain')}</th>
            </tr>
          </thead>
          <tbody>
            {buckets
              .filter((b) => b.count > 0)
              .map((b) => (
                <tr key={b.week}>
                  <th scope="row">{weekRange(b.week, lastIsOpen && b.week === last)}</th>
                  <td>{b.count}</td>
                  <td>{b.uncertain}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
