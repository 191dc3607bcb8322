import { useState } from 'preact/hooks';
import type { InvitationRecord } from '../model/invitation';
import type { NumericSetting, Settings } from '../model/settings';
import { type ResolvedSettings, resolveSettings } from '../rules';
import { type MessageKey, t, tCount } from '../shared/i18n';
import { resetSettings, saveSettings } from '../shared/settings-store';
import { downloadLedgerCsv } from '../shared/ui/csv-stream';
import { NumberField } from '../shared/ui/NumberField';
import type { SaveSettings } from '../shared/ui/setting-limits';
import { useLedger } from '../shared/ui/use-ledger';
import { useSettings } from '../shared/ui/use-settings';
import { BackupSection } from './BackupSection';
import { ConfirmStep } from './ConfirmStep';
import { DangerZone } from './DangerZone';
import { LinkedInImport } from './LinkedInImport';
import { RemindersSection } from './RemindersSection';
import { TemplateEditor } from './TemplateEditor';
import { WindowSection } from './WindowSection';

/** The stored settings, saving a change to them, and resetting them all to the defaults. */
function useOptionsSettings() {
  const [settings, setSettings] = useSettings();
  // Remounts the fields on reset, so drafts with errors are discarded too.
  const [generation, setGeneration] = useState(0);
  const [resetDone, setResetDone] = useState(false);

  const save = async (change: Partial<Settings>) => {
    setResetDone(false);
    setSettings(await saveSettings(change));
  };
  const reset = async () => {
    setSettings(await resetSettings());
    setGeneration(generation + 1);
    setResetDone(true);
  };
  return { settings, generation, resetDone, setResetDone, save, reset };
}

/** The settings of when things come due, each with its words. */
const TIMING_FIELDS: readonly { setting: NumericSetting; label: MessageKey; unit: MessageKey; hint: MessageKey }[] = [
  { setting: 'badgeWeeks', label: 'badge_weeks_label', unit: 'unit_weeks', hint: 'badge_weeks_hint' },
  { setting: 'warningDays', label: 'warning_days_label', unit: 'unit_days', hint: 'warning_days_hint' },
  { setting: 'followUpDays', label: 'follow_up_days_label', unit: 'unit_days', hint: 'follow_up_days_hint' },
  {
    setting: 'followUpWaitDays',
    label: 'followup_wait_days_label',
    unit: 'unit_days',
    hint: 'followup_wait_days_hint',
  },
];

/** When the badge, warnings and follow-ups come due. */
function TimingSection({ settings, save }: { settings: Settings; save: SaveSettings }) {
  return (
    <section aria-labelledby="timing-title">
      <h2 id="timing-title">{t('timing_title')}</h2>
      {TIMING_FIELDS.map(({ setting, label, unit, hint }) => (
        <NumberField
          key={setting}
          setting={setting}
          label={t(label)}
          unit={t(unit)}
          hint={t(hint)}
          value={settings[setting]}
          save={save}
        />
      ))}
    </section>
  );
}

/** Back to the defaults, after a confirmation; `done` says so until the next change. */
function ResetSection({
  done,
  onOpen,
  onConfirm,
}: {
  done: boolean;
  onOpen: () => void;
  onConfirm: () => Promise<void>;
}) {
  return (
    <section aria-labelledby="reset-title">
      <h2 id="reset-title" class="visually-hidden">
        {t('reset_defaults')}
      </h2>
      <ConfirmStep
        label={t('reset_defaults')}
        question={t('reset_confirm')}
        confirmLabel={t('reset_confirm_yes')}
        onOpen={onOpen}
        onConfirm={onConfirm}
      />
      {done && <p role="status">{t('reset_done')}</p>}
    </section>
  );
}

/** The ledger as CSV; both are null until the ledger is read. */
function ExportSection({
  records,
  resolved,
}: {
  records: readonly InvitationRecord[] | null;
  resolved: ResolvedSettings | null;
}) {
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('export_title')}</h2>
      <p class="hint">{t('export_hint')}</p>
      <button
        type="button"
        disabled={!records || !resolved || records.length === 0}
        onClick={() => resolved && void downloadLedgerCsv(resolved, Date.now())}
      >
        {t('export_csv')}
      </button>{' '}
      {records && <span class="hint">{tCount('record_count', records.length)}</span>}
    </section>
  );
}

/** The options page: every change is validated and saved at once; popup and badge follow. */
export function Options() {
  const { settings, generation, resetDone, setResetDone, save, reset } = useOptionsSettings();
  const ledger = useLedger();

  if (!settings) return <main class="options">{t('loading')}</main>;

  const records = ledger.snapshot?.records ?? null;
  // A learned window is learned from the whole ledger: the CSV and the evidence use it.
  const resolved = records ? resolveSettings(settings, records) : null;

  return (
    <main class="options" key={generation}>
      <h1>{t('options_title')}</h1>
      <p>
        <a href="../insights/index.html">{t('options_insights_link')}</a>
      </p>

      <WindowSection settings={settings} resolved={resolved} records={records} save={save} />

      <TimingSection settings={settings} save={save} />

      <TemplateEditor settings={settings} save={save} />

      <RemindersSection settings={settings} save={save} />

      <ResetSection done={resetDone} onOpen={() => setResetDone(false)} onConfirm={reset} />

      <ExportSection records={records} resolved={resolved} />

      <BackupSection />

      <LinkedInImport />

      <DangerZone recordCount={records?.length ?? 0} onDeleted={() => void ledger.refresh()} />
    </main>
  );
}
