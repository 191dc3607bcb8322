import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { type FollowUp, FollowUpChannel } from '../model/invitation';
import { type MessageKey, t } from '../shared/i18n';
import { dayValue, followUpMoment } from './follow-up-dates';
import { SaveCancel } from './SaveCancel';

const CHANNEL_LABEL: Record<FollowUpChannel, MessageKey> = {
  email: 'followup_channel_email',
  inmail: 'followup_channel_inmail',
  comment: 'followup_channel_comment',
  'in-person': 'followup_channel_in_person',
  other: 'followup_channel_other',
};

/** "Log a follow-up…": the day it went (today unless changed, never later) and, if given, how. */
export function FollowUpForm({
  personName,
  now,
  onSave,
  onCancel,
}: {
  personName: string;
  now: number;
  onSave: (followUp: FollowUp) => void;
  onCancel: () => void;
}) {
  const [day, setDay] = useState(() => dayValue(now));
  const [channel, setChannel] = useState<FollowUpChannel | ''>('');
  const dateField = useRef<HTMLInputElement>(null);
  const ids = { title: useId(), date: useId(), channel: useId(), error: useId() };
  useEffect(() => dateField.current?.focus(), []);
  const at = followUpMoment(day, Date.now());

  return (
    <form
      class="row-form"
      aria-labelledby={ids.title}
      onSubmit={(event) => {
        event.preventDefault();
        if (at !== null) onSave(channel === '' ? { at } : { at, channel });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={ids.title} class="row-form-title">
        {t('followup_form_title', personName)}
      </p>
      <div class="row-form-fields">
        <label for={ids.date}>{t('followup_form_date')}</label>
        <input
          id={ids.date}
          ref={dateField}
          type="date"
          value={day}
          max={dayValue(now)}
          required
          aria-invalid={at === null}
          aria-describedby={at === null ? ids.error : undefined}
          onInput={(event) => setDay(event.currentTarget.value)}
        />
        <label for={ids.channel}>{t('followup_form_channel')}</label>
        <ChannelSelect id={ids.channel} value={channel} onChange={setChannel} />
      </div>
      {at === null && (
        <p id={ids.error} class="field-error">
          {t('followup_form_bad_date')}
        </p>
      )}
      <SaveCancel label={t('followup_form_save')} disabled={at === null} onCancel={onCancel} />
    </form>
  );
}

/** How the follow-up went: "not said" unless the user picks a channel. */
function ChannelSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: FollowUpChannel | '';
  onChange: (channel: FollowUpChannel | '') => void;
}) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value as FollowUpChannel | '')}>
      <option value="">{t('followup_channel_none')}</option>
      {FollowUpChannel.options.map((option) => (
        <option key={option} value={option}>
          {t(CHANNEL_LABEL[option])}
        </option>
      ))}
    </select>
  );
}
