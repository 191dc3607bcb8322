/** Numbers as the reader's locale writes them: "60%", "4.5", "1,250". */
export function percentText(fraction: number): string {
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Days to one decimal below ten ("4.5"), whole above ("23"): the precision the data has. */
export function daysNumber(days: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: days < 10 ? 1 : 0 }).format(days);
}

export function countText(count: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(count);
}
