/**
 * The expiry rules: pure functions of (record, settings, now). No browser APIs and no clock —
 * callers pass `now`. Popup, badge, options and CSV export compute ages and statuses only here.
 */
export * from './age';
export * from './assess';
export * from './badge';
export * from './counts';
export * from './expiry';
export * from './follow-ups';
export * from './insights';
export * from './label-interval';
export * from './narrow';
export * from './reminders';
export * from './suggestions';
export * from './what-works';
export * from './window';
