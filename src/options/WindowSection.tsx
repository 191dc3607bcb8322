import type { InvitationRecord } from '../model/invitation';
import type { ExpiryWindowKind, Settings } from '../model/settings';
import { oldestListed, type ResolvedSettings, type WindowEvidence, windowCheck } from '../rules';
import { type MessageKey, t, tCount } from '../shared/i18n';
import { dateText, windowText } from '../shared/ui/format';
import { NumberField } from '../shared/ui/NumberField';
import type { SaveSettings } from '../shared/ui/setting-limits';

const WINDOW_CHOICES: { kind: ExpiryWindowKind; label: MessageKey }[] = [
  { kind: 'six-months', label: 'window_choice_six_months' },
  { kind: '90-days', label: 'window_choice_90_days' },
  { kind: 'custom', label: 'window_choice_custom' },
  { kind: 'learned', label: 'window_choice_learned' },
];

/** "Jane Doe, sent 200–230 days before LinkedIn listed it on 2 Dec 2026". */
function evidenceText(evidence: WindowEvidence): string {
  const { youngestDaysWhenSeen: young, oldestDaysWhenSeen: old } = evidence;
  const age = young === old ? tCount('window_days', young) : t('window_age_range', [young, old]);
  return t('window_evidence_item', [evidence.record.name, age, dateText(evidence.seenAt)]);
}

/**
 * What the ledger shows about the window: the oldest invitation LinkedIn still listed (what a
 * learned window rests on), and, under a fixed window, how many it lists past that window.
 */
function WindowEvidenceNote({
  settings,
  resolved,
  records,
}: {
  settings: Settings;
  resolved: ResolvedSettings;
  records: readonly InvitationRecord[];
}) {
  const oldest = oldestListed(records);
  if (!oldest) return <p class="hint">{t('window_no_evidence')}</p>;
  const past = settings.expiryWindow === 'learned' ? 0 : windowCheck(records, resolved).evidence.length;
  return (
    <div class="window-evidence" role="status">
      <p>{t('window_oldest_listed', evidenceText(oldest))}</p>
      {settings.expiryWindow === 'learned' && <p>{t('window_learned_now', windowText(settings, resolved))}</p>}
      {past > 0 && <p class="notice notice-warn">{tCount('window_past_count', past, [windowText(settings)])}</p>}
    </div>
  );
}

/** The expiry window: the user's belief, beside the evidence LinkedIn's page gives. */
export function WindowSection({
  settings,
  resolved,
  records,
  save,
}: {
  settings: Settings;
  /** Null until the ledger is read. */
  resolved: ResolvedSettings | null;
  records: readonly InvitationRecord[] | null;
  save: SaveSettings;
}) {
  return (
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
      {settings.expiryWindow === 'custom' && (
        <NumberField
          setting="customWindowDays"
          label={t('custom_days_label')}
          unit={t('unit_days')}
          value={settings.customWindowDays}
          save={save}
        />
      )}
      {settings.expiryWindow === 'learned' && (
        <NumberField
          setting="learnedFloorDays"
          label={t('learned_floor_label')}
          unit={t('unit_days')}
          hint={t('learned_floor_hint')}
          value={settings.learnedFloorDays}
          save={save}
        />
      )}
      {records && resolved && <WindowEvidenceNote settings={settings} resolved={resolved} records={records} />}
    </section>
  );
}
