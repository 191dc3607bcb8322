import { cardsAround, outermost } from '../dom-read';
import { ANY_LIST_ITEM, anyOf, DIALOG, SENT_CARD, SENT_LIST } from '../selectors';
import { withdrawControlsIn } from './withdraw-control';

/** How the cards were found: inside a known list, around Withdraw controls, or not at all. */
export type Layout = 'list' | 'withdraw-controls' | null;

export interface FoundCards {
  cards: Element[];
  layout: Layout;
  /** The part of the page that holds every card. */
  scope: ParentNode;
}

/**
 * The invitation cards on the Sent page: the items of the first known list that has any; else,
 * when LinkedIn changed the list's markup, the cards around each Withdraw control
 * (docs/linkedin-pages.md, "Layouts by era").
 */
export function findCards(root: ParentNode): FoundCards {
  for (const listAlternative of SENT_LIST) {
    const list = root.querySelector(listAlternative);
    if (!list) continue;
    for (const card of [...SENT_CARD, ANY_LIST_ITEM]) {
      const found = list.querySelectorAll(card);
      if (found.length > 0) return { cards: outermost(found, list), layout: 'list', scope: list };
    }
  }
  const controls = withdrawControlsIn(root).filter((control) => !control.closest(anyOf(DIALOG)));
  const cards = cardsAround(controls, root, (control) => control);
  return { cards, layout: cards.length > 0 ? 'withdraw-controls' : null, scope: root };
}
