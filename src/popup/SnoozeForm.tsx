import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t, tCount } from '../shared/i18n';
import { dayValue, snoozeInDays, snoozeMoment } from './follow-up-dates';
import { SaveCancel } from './SaveCancel';

/** The quick choices, in days from today. */
export const SNOOZE_CHOICES = [3, 7, 14] as const;

/** "Snooze…": remind me in 3, 7 or 14 days, or on a day the user picks (after today). */
export function SnoozeForm({
  personName,
  now,
  onSnooze,
  onCancel,
}: {
  personName: string;
  now: number;
  onSnooze: (until: number) => void;
  onCancel: () => void;
}) {
  const [day, setDay] = useState(() => dayValue(snoozeInDays(SNOOZE_CHOICES[1], now)));
  const firstChoice = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), date: useId(), error: useId() };
  useEffect(() => firstChoice.current?.focus(), []);
  const until = snoozeMoment(day, Date.now());

  return (
    <form
      class="row-form"
      aria-labelledby={ids.title}
      onSubmit={(event) => {
        event.preventDefault();
        if (until !== null) onSnooze(until);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={ids.title} class="row-form-title">
        {t('snooze_form_title', personName)}
      </p>
      <div class="button-row">
        {SNOOZE_CHOICES.map((days, i) => (
          <button
            key={days}
            ref={i === 0 ? firstChoice : undefined}
            type="button"
            class="small"
            onClick={() => onSnooze(snoozeInDays(days, Date.now()))}
          >
            {tCount('snooze_in_days', days)}
          </button>
        ))}
      </div>
      <div class="row-form-fields">
        <label for={ids.date}>{t('snooze_form_date')}</label>
        <input
          id={ids.date}
          type="date"
          value={day}
          min={dayValue(snoozeInDays(1, now))}
          required
          aria-invalid={until === null}
          aria-describedby={until === null ? ids.error : undefined}
          onInput={(event) => setDay(event.currentTarget.value)}
        />
      </div>
      {until === null && (
        <p id={ids.error} class="field-error">
          {t('snooze_form_bad_date')}
        </p>
      )}
      <SaveCancel label={t('snooze_form_save')} disabled={until === null} onCancel={onCancel} />
    </form>
  );
}
