import { useEffect, useId, useState } from 'preact/hooks';
import type { Settings } from '../model/settings';
import { t } from '../shared/i18n';

export type LimitSetting = 'weeklyLimit' | 'pendingCap';
/** Bounds for the inline message; the schema in src/model/settings.ts decides. */
export const LIMIT_RANGE: Record<LimitSetting, { min: number; max: number }> = {
  weeklyLimit: { min: 1, max: 1000 },
  pendingCap: { min: 1, max: 5000 },
};

/**
 * The user's own limit, edited where it is shown, saved once it is a whole number in range.
 * Out of range: an inline error, and the stored value stays.
 */
export function LimitField({
  setting,
  label,
  hint,
  value,
  save,
}: {
  setting: LimitSetting;
  label: string;
  hint: string;
  value: number;
  save: (change: Partial<Settings>) => Promise<unknown>;
}) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const { min, max } = LIMIT_RANGE[setting];

  useEffect(() => {
    if (error === null) setDraft(String(value));
  }, [value]);

  const onInput = async (text: string) => {
    setDraft(text);
    const trimmed = text.trim();
    const parsed = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (!(parsed >= min && parsed <= max)) {
      setError(t('error_range', [min, max]));
      return;
    }
    setError(null);
    if (parsed === value) return;
    try {
      await save({ [setting]: parsed });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft}
        aria-invalid={error !== null}
        aria-describedby={`${id}-help`}
        onInput={(event) => void onInput(event.currentTarget.value)}
      />
      <div id={`${id}-help`}>
        {error !== null ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : (
          <p class="hint">{hint}</p>
        )}
      </div>
    </div>
  );
}
