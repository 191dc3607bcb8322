import { canonicalProfileUrl } from '../../model/profile';
import type { Interval } from '../../model/time';
import {
  type CardText,
  cardsAround,
  NOTHING_MARKED,
  nameIn,
  outermost,
  pageLanguage,
  readCard,
  shortTexts,
} from '../dom-read';
import type { Language } from '../phrases';
import { anyOf, CONNECTION_CARD, CONNECTIONS_ROOT, PROFILE_LINK } from '../selectors';
import { readConnectedLabel } from './connected-label';

/**
 * Reads LinkedIn's Connections page. Pure over the DOM it is handed: no clock (the caller passes
 * `observedAt`), no browser APIs, no changes to the page. A date it cannot understand is null,
 * never a guess: Lapse would rather not know when someone connected than know it wrongly.
 */

export interface ParsedConnection {
  profileUrl: string;
  name: string;
  /** The label as shown ("Connected 2 weeks ago"); '' when none was found. */
  connectedLabel: string;
  /** When they connected (epoch ms); null when the label was missing or not understood. */
  connected: Interval | null;
}

export interface ParsedConnectionsPage {
  people: ParsedConnection[];
  /** Cards with a profile link whose name or connection date could not be read. */
  unreadable: number;
  /** The UI language recognised, or null. */
  language: Language | null;
  /** Cards with a profile link that were looked at. */
  cards: number;
}

const PROFILE_LINKS = anyOf(PROFILE_LINK);

/** Cards around profile links when no card markup matched: each link's highest ancestor naming only that person. */
function cardsAroundLinks(scope: ParentNode): Element[] {
  const links = [...scope.querySelectorAll(PROFILE_LINKS)].filter((a) => profileOf(a));
  return cardsAround(links, scope, profileOf);
}
const profileOf = (link: Element) => canonicalProfileUrl(link.getAttribute('href') ?? '');

function findCards(root: ParentNode): Element[] {
  const scope = root.querySelector(anyOf(CONNECTIONS_ROOT)) ?? root;
  for (const alternative of CONNECTION_CARD) {
    const cards = outermost(scope.querySelectorAll(alternative), scope).filter((card) =>
      card.querySelector(PROFILE_LINKS),
    );
    if (cards.length > 0) return cards;
  }
  return cardsAroundLinks(scope);
}

interface Card {
  element: Element;
  text: CardText;
}

/** The card's "Connected …" label: whole text blocks first, then short elements (a label split over nodes). */
function labelIn(
  card: Card,
  language: Language,
  observedAt: number,
): { text: string; connected: Interval | null } | null {
  const blocks = card.text.blocks.filter((b) => !b.inPersonLink).map((b) => b.text);
  let understood: { text: string; connected: Interval | null } | null = null;
  for (const text of [...blocks, ...shortTexts(card.element)]) {
    const read = readConnectedLabel(text, language, observedAt);
    if (read?.connected) return { text, connected: read.connected };
    if (read) understood ??= { text, connected: null };
  }
  return understood;
}

/** One look at the Connections page. Never throws on strange markup: what it cannot read it counts. */
export function parseConnectionsPage(root: ParentNode, observedAt: Date): ParsedConnectionsPage {
  const at = observedAt.getTime();
  const cards = findCards(root)
    .map((element) => ({ element, text: readCard(element, NOTHING_MARKED) }))
    .filter((card) => card.text.profileUrl !== null);
  const language = pageLanguage(root, cards.length > 0, (l) => cards.some((card) => labelIn(card, l, at)?.connected));
  const people: ParsedConnection[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  for (const card of cards) {
    const profileUrl = card.text.profileUrl as string;
    if (seen.has(profileUrl)) continue;
    const name = nameIn(card.text);
    if (!name) {
      unreadable++;
      continue;
    }
    seen.add(profileUrl);
    const label = language ? labelIn(card, language, at) : null;
    if (!label?.connected) unreadable++;
    people.push({
      profileUrl,
      name,
      connectedLabel: (label?.text ?? '').slice(0, 200),
      connected: label?.connected ?? null,
    });
  }
  return { people, unreadable, language, cards: cards.length };
}
