import { uiLocale } from '../shared/i18n';

/** Numbers as the UI language writes them: "60%", "4.5", "1,250" ("60 %", "4,5", "1 250" in French). */
export function percentText(fraction: number): string {
  return new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Days to one decimal below ten ("4.5"), whole above ("23"): the precision the data has. */
export function daysNumber(days: number): string {
  return new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: days < 10 ? 1 : 0 }).format(days);
}

export function countText(count: number): string {
  return new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1 }).format(count);
}
