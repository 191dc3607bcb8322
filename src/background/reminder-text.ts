import type { InvitationRecord } from '../model/invitation';
import { counted, type Words } from '../shared/locale';

/** Names a notification spells out; the rest are "and N more" (a notification is a glance). */
export const NAMES_SHOWN = 2;
/** A LinkedIn name can be long and decorated; a notification line cannot. */
const NAME_CHARS = 40;

export interface ReminderText {
  title: string;
  message: string;
}

function shortName(name: string): string {
  const trimmed = name.trim();
  return trimmed.length > NAME_CHARS ? `${trimmed.slice(0, NAME_CHARS - 1)}…` : trimmed;
}

/** "Amara Okafor, Li Wei and 1 more", joined the way the UI language joins a list. */
export function namesList(names: readonly string[], words: Words): string {
  const shown = names.slice(0, NAMES_SHOWN).map(shortName);
  const rest = names.length - shown.length;
  const items = rest > 0 ? [...shown, counted(words, 'reminder_more', rest)] : shown;
  return new Intl.ListFormat(words.locale, { type: 'conjunction', style: 'long' }).format(items);
}

/**
 * "3 invitations to act on this week" / "Could lapse within 14 days: Amara Okafor, Li Wei and 1
 * more". Pure: the words (catalogue and locale) come in, as for the badge's tooltip.
 */
export function reminderText(crossed: readonly InvitationRecord[], warningDays: number, words: Words): ReminderText {
  const within = counted(words, 'badge_days', warningDays);
  return {
    title: counted(words, 'reminder_notice', crossed.length),
    message: words.translate('reminder_message', [
      within,
      namesList(
        crossed.map((record) => record.name),
        words,
      ),
    ]),
  };
}
