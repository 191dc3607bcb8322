import type { SuggestionKind } from '../model/settings';
import { type Rate, type WhatWorks, WORKS_MIN_RESOLVED } from '../rules';
import { t, tCount } from '../shared/i18n';
import { SUGGESTION_TITLE } from '../shared/ui/format';
import { percentText } from './numbers';

/** Note templates listed; the rest, each too small to tell, are only counted. */
const TEMPLATES_SHOWN = 8;

/** One row: a group, how many of it were accepted, and its rate with its interval — in words, not colour. */
function RateRow({ label, rate }: { label: string; rate: Rate }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{t('works_accepted_of', [rate.accepted, rate.resolved])}</td>
      {rate.enough && rate.rate !== null && rate.interval ? (
        <>
          <td class="figure">{percentText(rate.rate)}</td>
          <td>{t('works_interval', [percentText(rate.interval.low), percentText(rate.interval.high)])}</td>
        </>
      ) : (
        <td colSpan={2} class="muted">
          {t('works_too_few')}
        </td>
      )}
    </tr>
  );
}

function RateTable({ titleId, rows }: { titleId: string; rows: { key: string; label: string; rate: Rate }[] }) {
  return (
    <table class="works" aria-labelledby={titleId}>
      <thead>
        <tr>
          <th scope="col">{t('works_col_group')}</th>
          <th scope="col">{t('works_col_accepted')}</th>
          <th scope="col">{t('works_col_rate')}</th>
          <th scope="col">{t('works_col_interval')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <RateRow key={row.key} label={row.label} rate={row.rate} />
        ))}
      </tbody>
    </table>
  );
}

const followUpLabel = (template: SuggestionKind | null) =>
  template === null ? t('works_template_none') : t('works_template_used', t(SUGGESTION_TITLE[template]));

/** What gets accepted: with a note or without, per note template, after a follow-up or not. */
export function WhatWorksSection({ works }: { works: WhatWorks }) {
  const templates = works.notes.slice(0, TEMPLATES_SHOWN);
  const moreTemplates = works.notes.length - templates.length;
  return (
    <section aria-labelledby="works-title" class="what-works">
      <h2 id="works-title">{t('works_title')}</h2>
      <p class="hint">{t('works_intro')}</p>
      {works.pending > 0 && <p>{tCount('works_pending', works.pending)}</p>}
      {works.resolved === 0 ? (
        <p>{t('works_none')}</p>
      ) : (
        <>
          <p class="hint">{t('works_too_few_hint', WORKS_MIN_RESOLVED)}</p>
          <h3 id="works-note-title">{t('works_note_title')}</h3>
          <RateTable
            titleId="works-note-title"
            rows={[
              { key: 'with', label: t('works_with_note'), rate: works.withNote },
              { key: 'without', label: t('works_without_note'), rate: works.withoutNote },
            ]}
          />
          {templates.length > 0 && (
            <>
              <h3 id="works-templates-title">{t('works_templates_title')}</h3>
              <p class="hint">{t('works_templates_hint')}</p>
              <RateTable
                titleId="works-templates-title"
                rows={templates.map((group) => ({ key: group.key, label: group.sample, rate: group }))}
              />
              {moreTemplates > 0 && <p class="hint">{tCount('works_templates_more', moreTemplates)}</p>}
            </>
          )}
          <h3 id="works-followups-title">{t('works_followups_title')}</h3>
          {works.followedUp.resolved === 0 ? (
            <p>{t('works_followups_none')}</p>
          ) : (
            <>
              <p class="hint">{t('works_followups_hint')}</p>
              <RateTable
                titleId="works-followups-title"
                rows={[
                  { key: 'followed', label: t('works_followed_up'), rate: works.followedUp },
                  { key: 'not', label: t('works_not_followed_up'), rate: works.notFollowedUp },
                  ...works.byFollowUpTemplate.map((group) => ({
                    key: `kind-${group.template ?? 'none'}`,
                    label: followUpLabel(group.template),
                    rate: group,
                  })),
                ]}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
