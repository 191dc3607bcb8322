import { type NumericSetting, SETTING_LIMITS, type Settings } from '../../model/settings';

/** A whole number within the setting's bounds, or null. No silent clamping or rounding. */
export function parseSetting(key: NumericSetting, text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  const { min, max } = SETTING_LIMITS[key];
  return value >= min && value <= max ? value : null;
}

export type SaveSettings = (change: Partial<Settings>) => Promise<unknown>;
