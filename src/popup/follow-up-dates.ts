import { addDays, formatISO, isSameDay, isValid, parseISO, startOfDay } from 'date-fns';

/**
 * The popup's follow-up and snooze dates: the user picks calendar days in their own time zone
 * (`<input type="date">` values, YYYY-MM-DD); the ledger keeps moments.
 */

/** A date input's value: a calendar day and nothing else. */
const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;

/** The local calendar day of `ms`, as a date input's value. */
export function dayValue(ms: number): string {
  return formatISO(ms, { representation: 'date' });
}

/**
 * The local day a date input holds, as its first moment; null when the text is not a date.
 * (parseISO, not date-fns' `parse`: that one brings every pattern of every field, a third of the
 * popup's size, for the one pattern a date input ever gives.)
 */
export function dayStart(value: string): number | null {
  if (!DAY_VALUE.test(value)) return null;
  const day = parseISO(value);
  return isValid(day) ? day.getTime() : null;
}

/**
 * When a follow-up sent on the day `value` happened: now if that day is today, else midday (the
 * hour is not known; midday keeps the day the same in the CSV's UTC dates for most zones). Null for
 * a day after today or no date.
 */
export function followUpMoment(value: string, now: number): number | null {
  const start = dayStart(value);
  if (start === null || start > now) return null;
  if (isSameDay(start, now)) return now;
  return start + 12 * 3_600_000 > now ? now : new Date(start).setHours(12);
}

/** "Remind me on" a day: from the first moment of that day; null unless the day is after today. */
export function snoozeMoment(value: string, now: number): number | null {
  const start = dayStart(value);
  return start !== null && start > startOfDay(now).getTime() ? start : null;
}

/** The quick choices: the first moment of the day `days` days from today. */
export function snoozeInDays(days: number, now: number): number {
  return startOfDay(addDays(now, days)).getTime();
}
