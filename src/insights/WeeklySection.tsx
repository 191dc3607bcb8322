import type { Settings } from '../model/settings';
import type { WeeklySends, WeekSends } from '../rules';
import { t, tCount, uiLocale } from '../shared/i18n';
import { NumberField } from '../shared/ui/NumberField';
import { BarChart } from './BarChart';
import { countText } from './numbers';

const shortDate = (ms: number) => new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short' }).format(ms);

/** How a week stands against the limit: surely over, possibly over, or under. */
function standing(week: WeekSends, limit: number): string {
  if (week.exact > limit) return t('insights_week_over');
  if (week.possible > limit) return t('insights_week_maybe_over');
  return t('insights_week_under');
}

/** The chart's numbers as a table, for those who cannot see the picture or want exact figures. */
function WeeklyTable({ weeks, limit }: { weeks: readonly WeekSends[]; limit: number }) {
  return (
    <details>
      <summary>{t('insights_show_table')}</summary>
      <table>
        <caption class="visually-hidden">{t('insights_weekly_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights_weekly_col_week')}</th>
            <th scope="col">{t('insights_weekly_col_exact')}</th>
            <th scope="col">{t('insights_weekly_col_estimated')}</th>
            <th scope="col">{t('insights_weekly_col_possible')}</th>
            <th scope="col">{t('insights_weekly_col_limit')}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.start}>
              <th scope="row">{shortDate(w.start)}</th>
              <td>{w.exact}</td>
              <td>{countText(w.estimated)}</td>
              <td>{w.possible}</td>
              <td>{standing(w, limit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Invitations sent per calendar week against the user's weekly limit. */
export function WeeklySection({
  sends,
  save,
}: {
  sends: WeeklySends;
  save: (change: Partial<Settings>) => Promise<unknown>;
}) {
  const { weeks, limit } = sends;
  const current = weeks.at(-1);
  const summary = [
    t('insights_weekly_summary', [weeks.length, limit]),
    current ? t('insights_weekly_current', [current.exact, current.possible]) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section aria-labelledby="weekly-title">
      <h2 id="weekly-title">{t('insights_weekly_title')}</h2>
      <p class="hint">{t('insights_weekly_how')}</p>
      <BarChart
        summary={summary}
        bars={weeks.map((w) => ({ key: String(w.start), solid: w.exact, light: w.possible - w.exact }))}
        tick={(index) => {
          const week = weeks[index];
          return week && (weeks.length - 1 - index) % 3 === 0 ? shortDate(week.start) : null;
        }}
        axisTitle={t('insights_weekly_axis')}
        limit={{ value: limit, label: t('insights_weekly_limit_label', limit) }}
      />
      <p>{summary}</p>
      {sends.unknownSend > 0 && <p class="hint">{tCount('insights_weekly_unknown', sends.unknownSend)}</p>}
      <NumberField
        setting="weeklyLimit"
        label={t('insights_weekly_limit_field')}
        hint={t('insights_weekly_limit_hint')}
        value={limit}
        save={save}
      />
      <WeeklyTable weeks={weeks} limit={limit} />
    </section>
  );
}
