import { useState } from 'preact/hooks';
import type { ExpiryWindowKind, Settings } from '../model/settings';
import { downloadCsv } from '../shared/csv';
import { t, tCount } from '../shared/i18n';
import { resetSettings, saveSettings } from '../shared/settings-store';
import { NumberField } from '../shared/ui/NumberField';
import { useLedger } from '../shared/ui/use-ledger';
import { useSettings } from '../shared/ui/use-settings';
import { BackupSection } from './BackupSection';
import { DangerZone } from './DangerZone';
import { LinkedInImport } from './LinkedInImport';
import { TemplateEditor } from './TemplateEditor';

const WINDOW_CHOICES: {
  kind: ExpiryWindowKind;
  label: 'window_choice_six_months' | 'window_choice_90_days' | 'window_choice_custom';
}[] = [
  { kind: 'six-months', label: 'window_choice_six_months' },
  { kind: '90-days', label: 'window_choice_90_days' },
  { kind: 'custom', label: 'window_choice_custom' },
];

/** The options page: every change is validated and saved at once; popup and badge follow. */
export function Options() {
  const [settings, setSettings] = useSettings();
  const ledger = useLedger();
  // Remounts the fields on reset, so drafts with errors are discarded too.
  const [generation, setGeneration] = useState(0);
  const [resetDone, setResetDone] = useState(false);

  if (!settings) return <main class="options">{t('loading')}</main>;

  const save = async (change: Partial<Settings>) => {
    setResetDone(false);
    setSettings(await saveSettings(change));
  };
  const reset = async () => {
    setSettings(await resetSettings());
    setGeneration(generation + 1);
    setResetDone(true);
  };
  const records = ledger.snapshot?.records ?? null;

  return (
    <main class="options" key={generation}>
      <h1>{t('options_title')}</h1>

      <section aria-labelledby="window-title">
        <h2 id="window-title">{t('window_title')}</h2>
        <p class="hint">{t('window_disclosure')}</p>
        <fieldset class="choices">
          <legend class="visually-hidden">{t('window_title')}</legend>
          {WINDOW_CHOICES.map(({ kind, label }) => (
            <label key={kind} class="choice">
              <input
                type="radio"
                name="expiryWindow"
                value={kind}
                checked={settings.expiryWindow === kind}
                onChange={() => void save({ expiryWindow: kind })}
              />
              {t(label)}
            </label>
          ))}
        </fieldset>
        <NumberField
          setting="customWindowDays"
          label={t('custom_days_label')}
          unit={t('unit_days')}
          value={settings.customWindowDays}
          disabled={settings.expiryWindow !== 'custom'}
          save={save}
        />
      </section>

      <section aria-labelledby="timing-title">
        <h2 id="timing-title">{t('timing_title')}</h2>
        <NumberField
          setting="badgeWeeks"
          label={t('badge_weeks_label')}
          unit={t('unit_weeks')}
          hint={t('badge_weeks_hint')}
          value={settings.badgeWeeks}
          save={save}
        />
        <NumberField
          setting="warningDays"
          label={t('warning_days_label')}
          unit={t('unit_days')}
          hint={t('warning_days_hint')}
          value={settings.warningDays}
          save={save}
        />
        <NumberField
          setting="followUpDays"
          label={t('follow_up_days_label')}
          unit={t('unit_days')}
          hint={t('follow_up_days_hint')}
          value={settings.followUpDays}
          save={save}
        />
      </section>

      <TemplateEditor settings={settings} save={save} />

      <section aria-labelledby="reset-title">
        <h2 id="reset-title" class="visually-hidden">
          {t('reset_defaults')}
        </h2>
        <button type="button" onClick={() => void reset()}>
          {t('reset_defaults')}
        </button>
        {resetDone && <p role="status">{t('reset_done')}</p>}
      </section>

      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('export_title')}</h2>
        <p class="hint">{t('export_hint')}</p>
        <button
          type="button"
          disabled={!records || records.length === 0}
          onClick={() => records && downloadCsv(records, settings, Date.now())}
        >
          {t('export_csv')}
        </button>{' '}
        {records && <span class="hint">{tCount('record_count', records.length)}</span>}
      </section>

      <BackupSection />

      <LinkedInImport />

      <DangerZone recordCount={records?.length ?? 0} onDeleted={() => void ledger.refresh()} />
    </main>
  );
}
