/**
 * Lengths of time in milliseconds, as epoch arithmetic counts them (a calendar day may be 23 or 25
 * hours). In a module of their own, without schemas, so the content scripts' rules carry no zod.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
