import type { Interval } from '../../model/time';
import { type CardText, cleanName, isNoise, nameIn, shortTexts, type TextBlock } from '../dom-read';
import { EMAIL, NON_PERSON_LINK } from '../page-knowledge';
import { isWithdrawControl, withdrawNameFrom } from './withdraw-control';

/** What a card says about the invitation it shows. */
export interface ParsedInvitation {
  profileUrl: string;
  name: string;
  headline: string | null;
  /** The label as shown, e.g. "Sent 3 weeks ago"; '' when none was recognised. */
  sentLabel: string;
  /** When it was sent, as far as the label tells (epoch ms). */
  sent: Interval | null;
  /** The note sent with the invitation, when the page shows it. */
  inviteMessage: string | null;
}

/** A card without a profile link: a Page, Event, Newsletter or e-mail invitation, one Lapse could not read, or no invitation at all. */
export type Verdict = ParsedInvitation | 'skipped' | 'unreadable' | 'nothing';

const LIMITS = { headline: 2000, label: 200, note: 5000 };

/** When a label text says the invitation was sent, or null when it is not a Sent label in the page's language. */
export type LabelReader = (text: string) => Interval | null;

/** A recognised label: where it is among the blocks (-1: found in the card's elements instead). */
interface FoundLabel {
  text: string;
  index: number;
  sent: Interval;
}

/** What one card means, read from its text (and, for a split label, its elements). */
export function readSentCard(card: Element, text: CardText, readLabel: LabelReader | null): Verdict {
  if (!text.profileUrl) return withoutProfile(text, readLabel);
  const name = nameOf(text);
  if (!name) return 'unreadable';
  const label = readLabel ? (labelInBlocks(text, readLabel) ?? labelInElements(card, readLabel)) : null;
  const { headline, inviteMessage } = headlineAndNote(text.blocks, name, label);
  return {
    profileUrl: text.profileUrl,
    name,
    headline,
    sentLabel: (label?.text ?? '').slice(0, LIMITS.label),
    sent: label?.sent ?? null,
    inviteMessage,
  };
}

function withdrawName(text: CardText): string | null {
  const control = text.controls.find(isWithdrawControl);
  return control ? withdrawNameFrom(control.getAttribute('aria-label')) : null;
}

function withoutProfile(text: CardText, readLabel: LabelReader | null): Verdict {
  const toAddress = [withdrawName(text) ?? '', ...text.blocks.map((b) => b.text)].some((t) => EMAIL.test(t));
  if (toAddress || text.otherLinks.some((href) => NON_PERSON_LINK.test(pathOf(href)))) return 'skipped';
  const looksLikeInvitation = text.controls.some(isWithdrawControl) || (readLabel && labelInBlocks(text, readLabel));
  return looksLikeInvitation ? 'unreadable' : 'nothing';
}

function pathOf(href: string): string {
  try {
    return new URL(href, 'https://www.linkedin.com/').pathname;
  } catch {
    return '';
  }
}

/** The name the person's link or avatar gives; else the one in the Withdraw control's label. */
function nameOf(text: CardText): string | null {
  const named = nameIn(text);
  if (named) return named;
  const fromWithdraw = withdrawName(text);
  return fromWithdraw ? cleanName(fromWithdraw) : null;
}

/** A <time> first, then any block whose whole text is a label (a note never is: it says more). */
export function labelInBlocks(text: CardText, readLabel: LabelReader): FoundLabel | null {
  const { blocks } = text;
  for (const inTime of [true, false]) {
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index] as TextBlock;
      if (block.inTime !== inTime || block.inPersonLink || block.inNote) continue;
      const sent = readLabel(block.text);
      if (sent) return { text: block.text, index, sent };
    }
  }
  return null;
}

function labelInElements(card: Element, readLabel: LabelReader): FoundLabel | null {
  for (const text of shortTexts(card)) {
    const sent = readLabel(text);
    if (sent) return { text, index: -1, sent };
  }
  return null;
}

/**
 * The headline is the first text between the name and the label; the note is what the markup
 * marks as one, or what follows the label.
 */
function headlineAndNote(blocks: TextBlock[], name: string, label: FoundLabel | null) {
  const lastNameBlock = blocks.findLastIndex((b) => b.inPersonLink);
  const labelAt = label && label.index >= 0 ? label.index : blocks.length;
  let headline: string | null = null;
  const note: string[] = [];
  blocks.forEach((block, index) => {
    if (block.inPersonLink || index === labelAt || !block.text || isNoise(block.text)) return;
    if (block.text === label?.text) return;
    if (block.inNote || index > labelAt) note.push(block.text);
    else if (headline === null && index > lastNameBlock && block.text !== name) headline = block.text;
  });
  return {
    headline: (headline as string | null)?.slice(0, LIMITS.headline) ?? null,
    inviteMessage: note.length > 0 ? note.join(' ').slice(0, LIMITS.note) : null,
  };
}
