import type { InvitationRecord } from '../../model/invitation';
import type { Settings, SuggestionKind } from '../../model/settings';
import { type Assessment, type ExpiryStatus, mayHaveLapsed, type WindowSettings, windowDays } from '../../rules';
import { type MessageKey, t, tCount, uiLocale } from '../i18n';

/**
 * Words for what the rules computed. Nothing here does arithmetic on time: the numbers come
 * from src/rules, these functions only choose the words and format dates for the reader.
 */

// Building a formatter costs far more than using one, and a list formats a date on every row.
// Dates are written in the UI language (uiLocale), not the browser's default locale.
let dateFormat: Intl.DateTimeFormat | null = null;
let dateTimeFormat: Intl.DateTimeFormat | null = null;

export function dateText(ms: number): string {
  dateFormat ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' });
  return dateFormat.format(ms);
}

export function dateTimeText(ms: number): string {
  dateTimeFormat ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' });
  return dateTimeFormat.format(ms);
}

let dayMonthFormat: Intl.DateTimeFormat | null = null;

/** "8 Oct", with the year only when it is not this year's. */
function shortDate(ms: number, now: number): string {
  if (new Date(ms).getFullYear() !== new Date(now).getFullYear()) return dateText(ms);
  dayMonthFormat ??= new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short' });
  return dayMonthFormat.format(ms);
}

/**
 * When it was sent, as plainly as the ledger knows it: LinkedIn's own label with the dates it
 * can mean ("Sent 1 month ago · between 8 Oct and 5 Nov"), or an exact date as a date.
 */
export function sentDatesText(record: Pick<InvitationRecord, 'sent' | 'sentLabel' | 'sentExact'>, now: number): string {
  const { sent } = record;
  if (!sent) return record.sentLabel || t('row_sent_unknown');
  if (record.sentExact || dateText(sent.earliest) === dateText(sent.latest)) {
    return t('row_sent_on', dateText(sent.latest));
  }
  const [from, to] = [shortDate(sent.earliest, now), shortDate(sent.latest, now)];
  return record.sentLabel
    ? t('row_sent_label_between', [record.sentLabel, from, to])
    : t('row_sent_between', [from, to]);
}

export type ChipTone = 'neutral' | 'ok' | 'info' | 'warn' | 'danger';

/** "5 days", "3 weeks", "4 months": a whole number of days in the largest unit that fits. */
export function durationText(days: number): string {
  if (days < 14) return tCount('age_day', days);
  if (days < 63) return tCount('age_week', Math.floor(days / 7));
  return tCount('age_month', Math.floor(days / 30.4375));
}

const EXPIRY_LABEL: Record<ExpiryStatus, MessageKey> = {
  fresh: 'expiry_fresh',
  waiting: 'expiry_waiting',
  'follow-up': 'expiry_follow_up',
  nearing: 'expiry_nearing',
  'past-window': 'expiry_past_window',
  'maybe-expired': 'expiry_maybe_expired',
  expired: 'expiry_expired',
  unknown: 'expiry_unknown',
};

const STATUS_LABEL: Record<Exclude<InvitationRecord['status'], 'pending'>, MessageKey> = {
  gone: 'status_gone',
  accepted: 'status_accepted',
  withdrawn: 'status_withdrawn',
};

/** The chip on a row: where it stands and, while it is still live, the pessimistic days left. */
export function statusChip(record: InvitationRecord, assessment: Assessment): { text: string; tone: ChipTone } {
  if (record.status !== 'pending') {
    return { text: t(STATUS_LABEL[record.status]), tone: record.status === 'accepted' ? 'ok' : 'neutral' };
  }
  const expiry = assessment.expiry ?? 'unknown';
  const label = t(EXPIRY_LABEL[expiry]);
  const lapsed = mayHaveLapsed(expiry);
  if (expiry === 'past-window' && assessment.pastWindowDays !== null) {
    // LinkedIn still lists it: how far past the window, never a negative "days left".
    return { text: t('chip_past_window', durationText(assessment.pastWindowDays)), tone: 'info' };
  }
  const tone: ChipTone = expiry === 'nearing' ? 'warn' : lapsed ? 'danger' : 'neutral';
  if (lapsed || assessment.daysLeft === null) return { text: label, tone };
  // Listed after its window may have closed: no whole day can honestly be promised.
  if (assessment.daysLeft <= 0) return { text: t('chip_any_day'), tone };
  return { text: t('chip_with_days', [label, tCount('days_left', assessment.daysLeft)]), tone };
}

const SUGGESTION_TEXT: Record<SuggestionKind, MessageKey> = {
  'give-it-time': 'suggestion_give_it_time',
  engage: 'suggestion_engage',
  'follow-up': 'suggestion_follow_up',
  'act-now': 'suggestion_act_now',
  'withdraw-reinvite': 'suggestion_withdraw_reinvite',
  resend: 'suggestion_resend',
  'check-status': 'suggestion_check_status',
  thank: 'suggestion_thank',
  'reinvite-later': 'suggestion_reinvite_later',
  'awaiting-reply': 'followup_suggestion_awaiting',
  'let-it-run': 'followup_suggestion_let_it_run',
  none: 'suggestion_none',
};

/**
 * What to do next, in words; act-now and reinvite-later name the first day a re-invite can go,
 * awaiting-reply the day the wait for a reply ends.
 */
export function suggestionText(assessment: Assessment): string {
  const { kind, reinviteFrom, nextStepFrom } = assessment.suggestion;
  const day = reinviteFrom ?? nextStepFrom;
  return t(SUGGESTION_TEXT[kind], day === null ? [] : [dateText(day)]);
}

/** Short names of the suggestion kinds, for the template editor. */
export const SUGGESTION_TITLE: Record<SuggestionKind, MessageKey> = {
  'give-it-time': 'kind_give_it_time',
  engage: 'kind_engage',
  'follow-up': 'kind_follow_up',
  'act-now': 'kind_act_now',
  'withdraw-reinvite': 'kind_withdraw_reinvite',
  resend: 'kind_resend',
  'check-status': 'kind_check_status',
  thank: 'kind_thank',
  'reinvite-later': 'kind_reinvite_later',
  'awaiting-reply': 'followup_kind_awaiting',
  'let-it-run': 'followup_kind_let_it_run',
  none: 'kind_none',
};

/**
 * "six months", "90 days", or "learned: 212 days": the expiry window as the user set it, with
 * what a learned one came to (`resolved`, when the ledger is at hand).
 */
export function windowText(
  settings: Pick<Settings, 'expiryWindow' | 'customWindowDays'>,
  resolved: WindowSettings | null = null,
): string {
  if (settings.expiryWindow === 'learned') {
    return resolved ? tCount('window_learned_days', resolved.customWindowDays) : t('window_learned');
  }
  const days = windowDays({ expiryWindow: settings.expiryWindow, customWindowDays: settings.customWindowDays });
  return days === null ? t('window_six_months') : tCount('window_days', days);
}
