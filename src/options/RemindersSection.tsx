import { useEffect, useState } from 'preact/hooks';
import browser, { type Permissions } from 'webextension-polyfill';
import type { ReminderCadence, Settings } from '../model/settings';
import { type MessageKey, t } from '../shared/i18n';
import { problemText } from '../shared/ui/problem-text';
import type { SaveSettings } from '../shared/ui/setting-limits';

const CHOICES: { cadence: ReminderCadence; label: MessageKey }[] = [
  { cadence: 'off', label: 'reminder_choice_off' },
  { cadence: 'daily', label: 'reminder_choice_daily' },
  { cadence: 'weekly', label: 'reminder_choice_weekly' },
];

/** The one optional permission Lapse asks for, and only here. */
const NOTIFICATIONS: Permissions.Permissions = { permissions: ['notifications'] };

async function notificationsAllowed(): Promise<boolean> {
  try {
    return await browser.permissions.contains(NOTIFICATIONS);
  } catch {
    return false;
  }
}

/**
 * Whether this browser lets Lapse notify (null until known), what went wrong last, and the
 * actions that change the cadence or ask again, keeping the permission in step with the choice.
 */
function useReminderChoice(save: SaveSettings) {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void notificationsAllowed().then(setAllowed);
  }, []);

  const ask = (then: (granted: boolean) => Promise<unknown>) => {
    setProblem(null);
    // Called synchronously from the click: Firefox grants permissions only inside the user's gesture.
    const request = allowed ? Promise.resolve(true) : browser.permissions.request(NOTIFICATIONS);
    request
      .then(async (granted) => {
        setAllowed(granted);
        if (!granted) setProblem(t('reminder_denied'));
        await then(granted);
      })
      .catch((cause: unknown) => setProblem(t('reminder_failed', problemText(cause))));
  };
  const choose = (cadence: ReminderCadence) => {
    if (cadence !== 'off') {
      ask(async (granted) => granted && save({ reminders: cadence }));
      return;
    }
    setProblem(null);
    save({ reminders: 'off' })
      .then(() => browser.permissions.remove(NOTIFICATIONS))
      .then(() => setAllowed(false))
      .catch((cause: unknown) => setProblem(t('reminder_failed', problemText(cause))));
  };

  return { allowed, problem, ask, choose };
}

/**
 * Reminders: off by default. Choosing a cadence asks the browser for the notifications
 * permission at that moment (the request must come straight from the user's click), turning
 * them off gives it back. Settings sync across browsers but permissions do not: a browser where
 * reminders are on without the permission says so and offers to allow it.
 */
export function RemindersSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  const { allowed, problem, ask, choose } = useReminderChoice(save);

  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('reminder_heading')}</h2>
      <p class="hint">{t('reminder_intro')}</p>
      <fieldset class="choices">
        <legend class="visually-hidden">{t('reminder_heading')}</legend>
        {CHOICES.map(({ cadence, label }) => (
          <label key={cadence} class="choice">
            <input
              type="radio"
              name="reminders"
              value={cadence}
              checked={settings.reminders === cadence}
              onChange={() => choose(cadence)}
            />
            {t(label)}
          </label>
        ))}
      </fieldset>
      {settings.reminders !== 'off' && allowed === false && (
        <p class="notice notice-warn">
          {t('reminder_missing')}{' '}
          <button type="button" onClick={() => ask(async () => {})}>
            {t('reminder_allow')}
          </button>
        </p>
      )}
      <div role="status">{problem && <p class="notice notice-danger">{problem}</p>}</div>
      <p class="hint">{t('reminder_stored')}</p>
    </section>
  );
}
