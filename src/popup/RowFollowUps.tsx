import type { InvitationRecord } from '../model/invitation';
import { followUpCount, lastFollowUpAt } from '../rules';
import { t, tCount } from '../shared/i18n';
import { dateText } from '../shared/ui/format';

/** What the user logged on a row: how many follow-ups and the last one's date, and the snooze. */
export function RowFollowUps({ record, snoozedUntil }: { record: InvitationRecord; snoozedUntil: number | null }) {
  const count = followUpCount(record);
  const last = lastFollowUpAt(record);
  if (last === null && snoozedUntil === null) return null;
  return (
    <p class="row-meta row-follow-ups">
      {last !== null && <span class="row-followed-up">{tCount('followup_row', count, [dateText(last)])}</span>}
      {last !== null && snoozedUntil !== null && <span aria-hidden="true"> · </span>}
      {snoozedUntil !== null && <span class="row-snoozed">{t('snooze_row', dateText(snoozedUntil))}</span>}
    </p>
  );
}

/** Asked after a message was copied: one click logs a follow-up sent now, with that template. */
export function SentItPrompt({ personName, onYes }: { personName: string; onYes: () => void }) {
  return (
    <p class="sent-it">
      <span>{t('followup_sent_it')}</span>{' '}
      <button type="button" class="small" aria-label={t('followup_sent_it_label', personName)} onClick={onYes}>
        {t('followup_sent_it_yes')}
      </button>
    </p>
  );
}
