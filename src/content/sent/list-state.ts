import { inAnyLanguage, LANGUAGES, type Language, type PHRASES } from '../phrases';
import {
  anyOf,
  BUTTON,
  EMPTY_STATE_TEXT,
  LOADING,
  NEXT_PAGE,
  NOTE_EXPANDER,
  PAGINATION,
  PEOPLE_COUNT,
  PREVIOUS_PAGE,
  SENT_CARD,
} from '../selectors';
import { normalizeText, recognisePeopleCount } from '../words';

/**
 * What the Sent page says about its list as a whole: how many people it holds, whether more can
 * be loaded, whether this is a later page, whether it is still loading or says it is empty.
 */

/** The page's own count, "People (1,234)", in `language` (null: in any known language). */
export function readTotal(root: ParentNode, language: Language | null): number | null {
  const languages = language ? [language] : LANGUAGES;
  const countIn = (el: Element) => {
    const text = el.textContent ?? '';
    return languages.map((l) => recognisePeopleCount(text, l)).find((total) => total !== null) ?? null;
  };
  const firstCountIn = (elements: Iterable<Element>) => {
    for (const el of elements) {
      const total = countIn(el);
      if (total !== null) return total;
    }
    return null;
  };
  for (const alternative of PEOPLE_COUNT) {
    // The count sits above the list, so the first match nearly always says it: the rest of the
    // page, thousands of cards, is searched only when it does not.
    const first = root.querySelector(alternative);
    if (first === null) continue;
    const total = countIn(first) ?? firstCountIn(root.querySelectorAll(alternative));
    if (total !== null) return total;
  }
  return null;
}

const isEnabled = (el: Element) => !el.hasAttribute('disabled') && el.getAttribute('aria-disabled') !== 'true';

const LOAD_MORE_WORDS = new Set(inAnyLanguage((p) => p.loadMore).map(normalizeText));

/** The list's "Load more": an enabled button saying so, not a note's "…more" nor inside a card or dialog. */
function isLoadMore(el: Element): boolean {
  const says = [el.textContent, el.getAttribute('aria-label')].some((t) => LOAD_MORE_WORDS.has(normalizeText(t ?? '')));
  return says && isEnabled(el) && !el.matches(anyOf(NOTE_EXPANDER)) && !el.closest(`${anyOf(SENT_CARD)}, dialog`);
}

/** The page's own "Load more" or next-page control, when one is offered (Lapse clicks only this). */
export function readLoadMore(root: ParentNode): { element: HTMLElement; kind: 'load-more' | 'next-page' } | null {
  const more = [...root.querySelectorAll<HTMLElement>(anyOf(BUTTON))].find(isLoadMore);
  if (more) return { element: more, kind: 'load-more' };
  const next = [...root.querySelectorAll<HTMLElement>(anyOf(NEXT_PAGE))].find(isEnabled);
  return next ? { element: next, kind: 'next-page' } : null;
}

/** Numbered pages, and Previous is enabled: this is not page 1, so its end is not the list's. */
export function isLaterPage(root: ParentNode): boolean {
  const previous = [...root.querySelectorAll(anyOf(PREVIOUS_PAGE))];
  return root.querySelector(anyOf(PAGINATION)) !== null && previous.some(isEnabled);
}

/** A loading indicator shows: more cards may be arriving. */
export function isLoading(root: ParentNode): boolean {
  return root.querySelector(anyOf(LOADING)) !== null;
}

const normalizedAll = (pick: (phrases: (typeof PHRASES)[Language]) => readonly string[]) =>
  inAnyLanguage(pick).map(normalizeText);
const EMPTY_SENT = normalizedAll((p) => p.emptyState.sent);
const EMPTY_RECEIVED = normalizedAll((p) => p.emptyState.received);

/** The page says in words that there are no invitations (and not the Received tab's words). */
export function showsEmptyState(root: ParentNode): boolean {
  for (const el of root.querySelectorAll(anyOf(EMPTY_STATE_TEXT))) {
    const text = normalizeText(el.textContent ?? '');
    if (text.length >= 200 || EMPTY_RECEIVED.some((words) => text.startsWith(words))) continue;
    if (EMPTY_SENT.some((words) => text.startsWith(words))) return true;
  }
  return false;
}
