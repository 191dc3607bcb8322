import { type Settings, WINDOW_DAYS_MAX } from '../../model/settings';

/**
 * The numeric settings' bounds, for the inline error text. The schema in src/model/settings.ts
 * is what decides (saveSettings refuses anything else); these only word the message.
 */
export type NumericSetting =
  | 'customWindowDays'
  | 'learnedFloorDays'
  | 'badgeWeeks'
  | 'warningDays'
  | 'followUpDays'
  | 'followUpWaitDays'
  | 'weeklyLimit'
  | 'pendingCap';
export const LIMITS: Record<NumericSetting, { min: number; max: number }> = {
  customWindowDays: { min: 1, max: WINDOW_DAYS_MAX },
  learnedFloorDays: { min: 1, max: WINDOW_DAYS_MAX },
  badgeWeeks: { min: 1, max: 26 },
  warningDays: { min: 1, max: 120 },
  followUpDays: { min: 1, max: 365 },
  followUpWaitDays: { min: 1, max: 60 },
  weeklyLimit: { min: 1, max: 1000 },
  pendingCap: { min: 1, max: 5000 },
};

/** A whole number within the setting's bounds, or null. No silent clamping or rounding. */
export function parseSetting(key: NumericSetting, text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  const { min, max } = LIMITS[key];
  return value >= min && value <= max ? value : null;
}

export type SaveSettings = (change: Partial<Settings>) => Promise<unknown>;
