import type { Interval } from '../model/time';
import { labelToInterval } from '../rules/label-interval';
import { type CardText, type Marked, pageLanguage, readCard } from './dom-read';
import type { Language } from './phrases';
import { anyOf, NOTE, WITHDRAW_CONTROL } from './selectors';
import { findCards, type Layout } from './sent/find-cards';
import { isLaterPage, isLoading, readLoadMore, readTotal, showsEmptyState } from './sent/list-state';
import { type LabelReader, labelInBlocks, type ParsedInvitation, readSentCard } from './sent/read-card';
import { detectLabelLanguage, knownLanguage, recogniseLabel } from './words';

/**
 * Reads LinkedIn's Sent invitations page. Pure over the DOM it is handed: no clock (the caller
 * passes `observedAt`), no browser APIs, no changes to the page. Each card's text is read in one
 * walk; what the texts mean is decided afterwards from what they say, not where they sit
 * (docs/linkedin-pages.md, "How a card is read").
 */

export interface ParsedSentPage {
  invitations: ParsedInvitation[];
  /** The page's own count, "People (1,234)", when shown. */
  total: number | null;
  /** Cards that are not connection requests (Pages, Events, Newsletters, e-mail invitations). */
  skipped: number;
  /** Cards that look like invitations but could not be read (no profile or name, or no understood label). */
  unreadable: number;
  /** The UI language recognised, or null. */
  language: Language | null;
  layout: Layout;
  /** A "Load more" or next-page control is offered: the list goes on. */
  hasMore: boolean;
  /** Numbered pages (era B) and this is not page 1: the end of this page is not the end of the list. */
  laterPage: boolean;
  /** A loading indicator shows: more cards may be arriving. */
  loading: boolean;
  /** No cards, and the page says in words that there are no invitations. */
  emptyState: boolean;
  /** A card nests deeper than MAX_DEPTH: it was not read whole, so the page cannot be trusted. */
  tooDeep: boolean;
}

/** The language shows in the first cards that carry a label: looking at this many is enough. */
const CARDS_FOR_LANGUAGE = 50;

/** One look at the Sent page. Never throws on strange markup: what it cannot read it counts. */
export function parseSentPage(root: ParentNode, observedAt: Date): ParsedSentPage {
  const { cards, layout, scope } = findCards(root);
  const marked = markedIn(scope);
  // Each card is read when it is interpreted, not all first: thousands of cards' texts kept
  // alive together would outlive the young generation, and the collector's copying them cost
  // more than the parse. Only the first few, which tell the language, are read ahead (once).
  const first = cards.slice(0, CARDS_FOR_LANGUAGE).map((card) => readCard(card, marked));
  const read = (card: Element, index: number) => first[index] ?? readCard(card, marked);
  const at = observedAt.getTime();
  const language = pageLanguage(root, cards.length > 0, (l) => {
    const readLabel = labelsOnPage(l, at);
    return first.some((text) => text.profileUrl && labelInBlocks(text, readLabel));
  });
  return {
    ...readInvitations(cards, read, language ? labelsOnPage(language, at) : null),
    total: readTotal(root, language),
    language,
    layout,
    // Each a look over the whole page, asked only by a reading that needs it (one with no total).
    get hasMore() {
      return readLoadMore(root) !== null;
    },
    get laterPage() {
      return isLaterPage(root);
    },
    get loading() {
      return isLoading(root);
    },
    emptyState: cards.length === 0 && showsEmptyState(root),
  };
}

/** Notes and Withdraw links under `scope`: what the walk cannot tell by an element's tag. */
function markedIn(scope: ParentNode): Marked {
  return {
    notes: new Set(scope.querySelectorAll(anyOf(NOTE))),
    controlLinks: new Set(scope.querySelectorAll(`a:is(${anyOf(WITHDRAW_CONTROL)})`)),
  };
}

/**
 * Reads labels in `language` as send intervals seen at `observedAt`, each distinct text once: a
 * list repeats a few labels ("Sent 1 week ago") over thousands of cards, which share the answer.
 */
function labelsOnPage(language: Language, observedAt: number): LabelReader {
  const answers = new Map<string, Interval | null>();
  return (text) => {
    if (!answers.has(text)) {
      const age = recogniseLabel(text, language);
      answers.set(text, age && labelToInterval(age, observedAt));
    }
    return answers.get(text) ?? null;
  };
}

/** Every card's verdict, counted; a person listed twice counts once. */
function readInvitations(
  cards: Element[],
  read: (card: Element, index: number) => CardText,
  readLabel: LabelReader | null,
): Pick<ParsedSentPage, 'invitations' | 'skipped' | 'unreadable' | 'tooDeep'> {
  const invitations: ParsedInvitation[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  let unreadable = 0;
  let tooDeep = false;
  for (let index = 0; index < cards.length; index++) {
    const card = cards[index] as Element;
    const text = read(card, index);
    tooDeep ||= text.tooDeep;
    if (text.profileUrl && seen.has(text.profileUrl)) continue;
    const verdict = readSentCard(card, text, readLabel);
    if (verdict === 'skipped') skipped++;
    else if (verdict === 'unreadable') unreadable++;
    else if (verdict !== 'nothing') {
      seen.add(verdict.profileUrl);
      if (!verdict.sent) unreadable++;
      invitations.push(verdict);
    }
  }
  return { invitations, skipped, unreadable, tooDeep };
}

/** Reads a "Sent …" label in `language` (null: try every known language) as the send interval. */
export function parseSentLabel(text: string, language: string | null, observedAt: Date): Interval | null {
  const known = language === null ? detectLabelLanguage(text) : knownLanguage(language);
  const age = known ? recogniseLabel(text, known) : null;
  return age ? labelToInterval(age, observedAt.getTime()) : null;
}
