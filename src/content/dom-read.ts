import { canonicalProfileUrl } from '../model/profile';
import { inAnyLanguage, LANGUAGES, type Language, PHRASES } from './phrases';
import { anyOf, SHORT_TEXT } from './selectors';
import { knownLanguage, nameReader, wholeTextReader } from './words';

/**
 * Reading cards off LinkedIn's pages, shared by the Sent and the Connections parsers: one walk
 * over a card's text, finding the cards themselves, the page's language, and names. Pure over the
 * DOM it is handed; never changes the page.
 */

/** A run of text between elements, and where it sits. */
export interface TextBlock {
  text: string;
  /** Inside the card's link to the person's profile: the name, never a headline or label. */
  inPersonLink: boolean;
  /** Inside an element the markup marks as the invitation's note. */
  inNote: boolean;
  /** Inside a <time>: the most likely label. */
  inTime: boolean;
}

/** What one walk over a card found. */
export interface CardText {
  /** The first profile link's canonical URL: whom the card is about. */
  profileUrl: string | null;
  /** Links to anything but a profile (a Page, an Event, the feed). */
  otherLinks: string[];
  /** Buttons and other controls: their text is never the card's. */
  controls: Element[];
  /** The person's links and the avatars inside them, in the order met: their labels may name the person. */
  nameHolders: Element[];
  blocks: TextBlock[];
  /** The card nests deeper than MAX_DEPTH: it was not read whole. */
  tooDeep: boolean;
}

/**
 * How deep inside a card the walk goes. A real card is a few dozen levels deep; a hostile or
 * broken one thousands deep would exhaust the stack of the recursive walk.
 */
export const MAX_DEPTH = 1000;
/** Longer texts are notes or headlines, never a label. */
const MAX_LABEL = 80;

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg']);
/** A text node with something to read: spaces alone only separate elements. */
const NOT_ONLY_SPACES = /\S/;

/**
 * What the walk must know of elements it cannot tell by their tag: notes, and links that are
 * controls (the current layout's Withdraw is an `<a>`; every other control seen is a `<button>`).
 * Both are found once per page by the selector engine (src/content/parse.ts): asking each
 * element of thousands of cards for its attributes costs more than the rest of the walk.
 */
export interface Marked {
  /** Elements the markup marks as an invitation's note. */
  notes: ReadonlySet<Element>;
  /** Links that are controls: their text and link are never the card's. */
  controlLinks: ReadonlySet<Element>;
}

/** For a page whose markup marks neither notes nor control links. */
export const NOTHING_MARKED: Marked = { notes: new Set(), controlLinks: new Set() };

/** One walk over the card's nodes, in document order. */
export function readCard(card: Element, { notes, controlLinks }: Marked): CardText {
  const read: CardText = {
    profileUrl: null,
    otherLinks: [],
    controls: [],
    nameHolders: [],
    blocks: [],
    tooDeep: false,
  };
  // The avatar and the name link share one href: it is read once.
  let last = { href: '', url: null as string | null };
  const profileOf = (href: string) => {
    if (href !== last.href) last = { href, url: canonicalProfileUrl(href) };
    return last.url;
  };
  let open: TextBlock | null = null; // text nodes with no element between them are one block
  const walk = (node: Element, inPersonLink: boolean, inNote: boolean, inTime: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) {
      read.tooDeep = true;
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        const text = child.nodeValue ?? '';
        if (open) open.text += text;
        else if (NOT_ONLY_SPACES.test(text)) {
          open = { text, inPersonLink, inNote, inTime };
          read.blocks.push(open);
        }
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const el = child as Element;
      const tag = el.localName;
      if (SKIPPED.has(tag)) continue;
      open = null;
      if (tag === 'button' || controlLinks.has(el)) {
        read.controls.push(el);
      } else if (tag === 'img') {
        if (inPersonLink) read.nameHolders.push(el);
      } else {
        const personLink = tag === 'a' ? isPersonLink(el, read, profileOf) : inPersonLink;
        walk(el, personLink, inNote || notes.has(el), inTime || tag === 'time', depth + 1);
        open = null;
      }
    }
  };
  walk(card, false, false, false, 0);
  for (const block of read.blocks) block.text = tidy(block.text);
  return read;
}

/**
 * Runs of spaces, and spaces other than a plain one (no-break, tab, newline): what `tidy` turns
 * into one plain space. A lone plain space is left alone, so an already tidy text is not copied.
 */
const UNTIDY_SPACE = /\s{2,}|[^\S ]/g;

/** Each run of spaces as one plain space, none at either end. */
function tidy(text: string): string {
  return text.replace(UNTIDY_SPACE, ' ').trim();
}

/** Notes a link in `read`: the card's person (the first profile linked), someone else, or no one. */
function isPersonLink(link: Element, read: CardText, profileOf: (href: string) => string | null): boolean {
  const href = link.getAttribute('href') ?? '';
  const url = profileOf(href);
  if (!url) {
    read.otherLinks.push(href);
    return false;
  }
  read.profileUrl ??= url;
  if (url !== read.profileUrl) return false;
  read.nameHolders.push(link);
  return true;
}

// ── finding cards ──

/** Only the outermost of nested matches under `scope`, so each card counts once. */
export function outermost(elements: Iterable<Element>, scope: ParentNode): Element[] {
  const all = new Set(elements);
  return [...all].filter((el) => {
    for (let p = el.parentElement; p && p !== scope; p = p.parentElement) if (all.has(p)) return false;
    return true;
  });
}

/**
 * Cards found around anchors (Withdraw controls, profile links) when no card markup is known:
 * each anchor's highest ancestor below `scope` that holds no anchor with another key.
 */
export function cardsAround(anchors: Element[], scope: ParentNode, keyOf: (anchor: Element) => unknown): Element[] {
  const keysIn = new Map<Element, Set<unknown>>();
  for (const anchor of anchors) {
    for (let p = anchor.parentElement; p && p !== scope; p = p.parentElement) {
      keysIn.set(p, (keysIn.get(p) ?? new Set()).add(keyOf(anchor)));
    }
  }
  const cards = anchors.map((anchor) => {
    let card = anchor;
    for (let p = anchor.parentElement; p && p !== scope && keysIn.get(p)?.size === 1; p = p.parentElement) card = p;
    return card;
  });
  return outermost(cards, scope);
}

// ── the page's language ──

/**
 * The page's UI language: the one `<html lang>` declares when its words read the cards (or there
 * are none to read), else the first whose words read them, else the declared one (dates unknown).
 */
export function pageLanguage(root: ParentNode, hasCards: boolean, reads: (language: Language) => boolean) {
  const doc = 'documentElement' in root ? (root as Document) : (root as Node).ownerDocument;
  const declared = knownLanguage(doc?.documentElement?.getAttribute('lang'));
  if (declared && (!hasCards || reads(declared))) return declared;
  return LANGUAGES.find(reads) ?? declared;
}

/** The card's short elements' texts: a label split over several nodes ("Sent <b>3</b> days ago"). */
export function shortTexts(card: Element): string[] {
  const texts: string[] = [];
  for (const el of card.querySelectorAll(anyOf(SHORT_TEXT))) {
    const text = tidy(el.textContent ?? '');
    if (text && text.length <= MAX_LABEL) texts.push(text);
  }
  return texts;
}

// ── names ──

const isNoisePhrase = wholeTextReader(inAnyLanguage((p) => [...p.noise, ...p.withdraw.words, ...p.seeMore]));
/** LinkedIn's connection degree ("· 2nd", "3rd+"): never a name or a headline. */
const DEGREE = /^[·•]?\s*(?:1st|2nd|3rd\+?)$/i;
const nameInside = nameReader(LANGUAGES.flatMap((language) => PHRASES[language].aroundName));

/** Text that is never a name, a headline or a note: "Withdraw", "Pending", "…more". */
export function isNoise(text: string): boolean {
  return isNoisePhrase(text) || DEGREE.test(text);
}

/**
 * The first text of the person's link that reads as a name; else the label of the link or an
 * avatar inside it (read only then: most cards name the person in the link's text).
 */
export function nameIn(text: CardText): string | null {
  for (const block of text.blocks) {
    const name = block.inPersonLink ? cleanName(block.text) : null;
    if (name) return name;
  }
  for (const holder of text.nameHolders) {
    const label = holder.getAttribute(holder.localName === 'img' ? 'alt' : 'aria-label');
    const name = label ? cleanName(label) : null;
    if (name) return name;
  }
  return null;
}

/** A display name without "’s profile picture", "View … profile" and the like; null when none is left. */
export function cleanName(text: string): string | null {
  const name = tidy(text);
  const inner = nameInside(name);
  if (inner) return cleanName(inner);
  return name && !isNoise(name) ? name.slice(0, MAX_NAME) : null;
}
const MAX_NAME = 500;
