import { useEffect, useId, useState } from 'preact/hooks';
import { type NumericSetting, SETTING_LIMITS } from '../../model/settings';
import { t } from '../i18n';
import { problemText } from './problem-text';
import { parseSetting, type SaveSettings } from './setting-limits';

/**
 * A whole-number setting, saved as soon as it is valid. Out of range: an inline error, and the
 * stored value stays as it was.
 */
export function NumberField({
  setting,
  label,
  unit,
  hint,
  value,
  disabled = false,
  save,
}: {
  setting: NumericSetting;
  label: string;
  unit?: string;
  hint?: string;
  value: number;
  disabled?: boolean;
  save: SaveSettings;
}) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const { min, max } = SETTING_LIMITS[setting];

  // Follow changes made elsewhere (another window, reset), unless the user is mid-correction.
  useEffect(() => {
    if (error === null) setDraft(String(value));
  }, [value]);

  const onInput = async (text: string) => {
    setDraft(text);
    const parsed = parseSetting(setting, text);
    if (parsed === null) {
      setError(t('error_range', [min, max]));
      return;
    }
    setError(null);
    if (parsed === value) return;
    try {
      await save({ [setting]: parsed });
    } catch (cause) {
      setError(problemText(cause));
    }
  };

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="field-input">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={draft}
          disabled={disabled}
          aria-invalid={error !== null}
          aria-describedby={`${id}-help`}
          onInput={(event) => void onInput(event.currentTarget.value)}
        />
        {unit && <span>{unit}</span>}
      </div>
      <div id={`${id}-help`}>
        {error !== null ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : (
          hint && <p class="hint">{hint}</p>
        )}
      </div>
    </div>
  );
}
