import { uiLocale } from '../shared/i18n';

/** Numbers as the UI language writes them: "60%", "4.5", "1,250" ("60 %", "4,5", "1 250" in French). */
export function percentText(fraction: number): string {
  return new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Days to one decimal below ten ("4.5"), whole above ("23"): the precision the data has. */
export function daysNumber(days: number): string {
  return new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: days < 10 ? 1 : 0 }).format(days);
}

/**
 * A count of invitations, whole: an estimate spread over weeks is still people, so "0.1" would
 * claim a precision nobody has; a share under one reads "< 1".
 */
export function countText(count: number): string {
  const whole = new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 0 });
  return count > 0 && count < 1 ? `< ${whole.format(1)}` : whole.format(count);
}
