import type { InvitationRecord } from '../model/invitation';
import type { Settings, SuggestionKind } from '../model/settings';
import { fillTemplate, templateFor } from '../rules';
import type { MessageKey } from './i18n';

/**
 * Each suggestion's default message lives in _locales, so a French user's defaults greet in
 * French; 'none', 'awaiting-reply' and 'let-it-run' have nothing to say. Pure: the translator comes in (t on pages, the English
 * catalogue in tests).
 */
export const TEMPLATE_KEY: Record<SuggestionKind, MessageKey | null> = {
  'give-it-time': 'template_give_it_time',
  engage: 'template_engage',
  'follow-up': 'template_follow_up',
  'act-now': 'template_act_now',
  'withdraw-reinvite': 'template_withdraw_reinvite',
  resend: 'template_resend',
  'check-status': 'template_check_status',
  thank: 'template_thank',
  'reinvite-later': 'template_reinvite_later',
  // Advice to wait, not to write: nothing to copy (and after two follow-ups, no third nudge).
  'awaiting-reply': null,
  'let-it-run': null,
  none: null,
};

/** The default template of a kind, in the catalogue `translate` reads. */
export function defaultTemplates(translate: (key: MessageKey) => string): (kind: SuggestionKind) => string {
  return (kind) => {
    const key = TEMPLATE_KEY[kind];
    return key === null ? '' : translate(key);
  };
}

/** The message to copy for `record`: the user's template for `kind` (or the default), filled in. */
export function suggestedMessage(
  record: Pick<InvitationRecord, 'name' | 'headline'>,
  kind: SuggestionKind,
  settings: Pick<Settings, 'templates'>,
  translate: (key: MessageKey) => string,
): string {
  return fillTemplate(templateFor(kind, settings, defaultTemplates(translate)), record);
}

/** The kinds with a message the user may edit (Options) and copy (popup). */
export const KINDS_WITH_TEMPLATE = (Object.keys(TEMPLATE_KEY) as SuggestionKind[]).filter(
  (kind) => TEMPLATE_KEY[kind] !== null,
);
