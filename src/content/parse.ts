import { canonicalProfileUrl } from '../model/profile';
import type { Interval } from '../model/time';
import { labelToInterval, type RelativeAge } from '../rules/label-interval';
import {
  detectLabelLanguage,
  knownLanguage,
  LANGUAGES,
  labelAge,
  normalizeText,
  recogniseLabel,
  recognisePeopleCount,
} from './languages';
import {
  EMAIL,
  EMPTY_STATE,
  EXPANDABLE_TEXT_BUTTON,
  ITEMS,
  isWithdrawControl,
  LIST_CONTAINERS,
  LOAD_MORE_CANDIDATES,
  LOAD_MORE_WORDS,
  LOADING,
  NAME_NOISE,
  NAME_NOISE_WORD,
  NEXT_PAGE,
  NOISE_TEXT,
  NON_PERSON_LINK,
  NOTE_CLASSES,
  PAGINATION,
  PREVIOUS_PAGE,
  TOTAL_CANDIDATES,
  WITHDRAW_ARIA_PREFIX,
  WITHDRAW_CONTROLS,
} from './page-knowledge';

/**
 * Reads LinkedIn's Sent invitations page. Pure over the DOM it is handed: no clock (the caller
 * passes `observedAt`), no browser APIs, no changes to the page. One walk over each item collects
 * its text blocks; what they mean is decided afterwards from what they say, not where they sit.
 */

export interface ParsedInvitation {
  profileUrl: string;
  name: string;
  headline: string | null;
  /** The label as shown, e.g. "Sent 3 weeks ago"; '' when none was recognised. */
  sentLabel: string;
  sent: { earliest: Date; latest: Date } | null;
  /** The note sent with the invitation, when the page shows it. */
  inviteMessage: string | null;
}

export interface ParsedSentPage {
  invitations: ParsedInvitation[];
  /** The page's own count, "People (1,234)", when shown. */
  total: number | null;
  /** Items that are not connection requests (Pages, Events, Newsletters, e-mail invitations). */
  skipped: number;
  /** Items that look like invitations but could not be read (no profile/name, or no understood label). */
  unreadable: number;
  /** The UI language recognised (a LANGUAGES code), or null. */
  language: string | null;
  /** How the items were found: a known list container, cards around Withdraw controls, or not at all. */
  layout: 'list' | 'withdraw-controls' | null;
  /** A "Load more" or next-page control is offered: the list goes on. */
  hasMore: boolean;
  /** Numbered pages (era B) and this is not page 1: the end of this page is not the end of the list. */
  laterPage: boolean;
  /** A loading indicator shows: more items may be arriving. */
  loading: boolean;
  /** The page says in words that there are no invitations. */
  emptyState: boolean;
  /** A card nests deeper than MAX_DEPTH: it was not read whole, so the page cannot be trusted. */
  tooDeep: boolean;
}

const LIMITS = { name: 500, headline: 2000, label: 200, note: 5000 };
/**
 * How deep inside a card the walk goes. A real card is a few dozen levels deep; a hostile or
 * broken one thousands deep would exhaust the stack of the recursive walk.
 */
export const MAX_DEPTH = 1000;

// ── the DOM walk ──

interface Block {
  text: string;
  inPersonLink: boolean;
  inNote: boolean;
  isTime: boolean;
}

interface RawItem {
  profileUrl: string | null;
  nonPersonLink: boolean;
  withdraw: boolean;
  withdrawName: string | null;
  /** aria-label of the person link and avatar alt, in order met (the alts only when asked for). */
  nameHints: string[];
  blocks: Block[];
  tooDeep: boolean;
}

// localName: lower case in HTML documents, and SVG's own case is 'svg' too.
const SKIP_TAGS = new Set(['script', 'style', 'template', 'noscript', 'svg']);
export const WITHDRAW_SELECTOR = WITHDRAW_CONTROLS.join(', ');

export function withdrawNameFrom(label: string | null): string | null {
  if (!label) return null;
  // Sticky: a match sets lastIndex to where the name starts, with no match array to allocate.
  PREFIX_AT_START.lastIndex = 0;
  return (PREFIX_AT_START.test(label) && label.slice(PREFIX_AT_START.lastIndex).trim()) || null;
}
const PREFIX_AT_START = new RegExp(WITHDRAW_ARIA_PREFIX.source, 'iy');

/**
 * The element's aria-label. Where the browser reflects it as a property (Chromium, Firefox), that
 * is read: it costs a fraction of getAttribute, which the walk asks of every link.
 */
const ariaLabel: (el: Element) => string | null =
  typeof Element !== 'undefined' && 'ariaLabel' in Element.prototype
    ? (el) => el.ariaLabel
    : (el) => el.getAttribute('aria-label');

/** Some non-space character: the text node holds words, not indentation. */
const NOT_BLANK = /\S/;
/** A space other than U+0020, two spaces, or a space at either end: what tidying a block changes. */
const NOT_TIDY = /[^\S ]| {2}|^ | $/;

/**
 * Each run of spaces as one plain space, none at either end. Most text is tidy already (a test
 * says so); what is not is mostly labels with no-break spaces, which repeat from card to card:
 * they are tidied once, and equal labels come back as one string (hashed once by the maps after).
 */
function tidy(text: string): string {
  if (!NOT_TIDY.test(text)) return text;
  let done = tidied.get(text);
  if (done === undefined) {
    if (tidied.size >= 1000) tidied.clear();
    done = text.replace(/\s+/g, ' ').trim();
    tidied.set(text, done);
  }
  return done;
}
const tidied = new Map<string, string>();

/**
 * What the walk must know of elements it cannot tell by their tag, found by the selector engine
 * in one pass (then told apart, few as they are): asking every element of every item for its
 * classes or attributes costs more than the rest of the walk.
 */
interface Marked {
  /** Carrying one of NOTE_CLASSES. */
  notes: ReadonlySet<Element>;
  /** role="button" or a data-view-name: a control, though not a link or button. */
  controls: ReadonlySet<Element>;
}

function markedIn(scope: ParentNode): Marked {
  const controls = new Set<Element>();
  const notes = new Set<Element>();
  const found = scope.querySelectorAll(MARKED);
  for (let i = 0; i < found.length; i++) {
    const el = found[i]!;
    if (el.getAttribute('role') === 'button' || el.hasAttribute('data-view-name')) controls.add(el);
    // classList, unlike a selector in quirks mode, is case-sensitive: it has the last word.
    if (NOTE_CLASSES.some((c) => el.classList.contains(c))) notes.add(el);
  }
  return { notes, controls };
}
const MARKED = ['[role="button"]', '[data-view-name]', ...NOTE_CLASSES.map((c) => `.${c}`)].join(', ');

/** The hints of a first reading, which collects none (only a reading `hints` pushes to its own). */
const NO_HINTS: string[] = [];

/**
 * One walk over the item's nodes. It runs for every item on pages of thousands, so it asks each
 * element as little as it can: its tag, attributes only of links, buttons and controls. Avatars'
 * alt texts are read only with `hints` (a name is nearly always in the link's text).
 */
function readItem(item: Element, { notes, controls }: Marked, hints = false): RawItem {
  const raw: RawItem = {
    profileUrl: null,
    nonPersonLink: false,
    withdraw: false,
    withdrawName: null,
    nameHints: hints ? [] : NO_HINTS,
    blocks: [],
    tooDeep: false,
  };
  let last: Block | null = null;
  // The avatar and the name link share one href: read it once.
  let lastHref: string | null = null;
  let lastUrl: string | null = null;
  const walk = (node: Element, inPersonLink: boolean, inNote: boolean, isTime: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) {
      raw.tooDeep = true;
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      // Only elements have a localName: one question tells an element and its tag (the walk's
      // most frequent pair), and the type is asked only of the rest.
      const tag = (child as Element).localName;
      if (tag === undefined) {
        if (child.nodeType !== 3) continue;
        const text = child.nodeValue ?? '';
        if (!NOT_BLANK.test(text)) continue;
        // Consecutive text nodes of one element (no element between them) are one block.
        if (last) last.text += text;
        else {
          last = { text, inPersonLink, inNote, isTime };
          raw.blocks.push(last);
        }
        continue;
      }
      const el = child as Element;
      if (SKIP_TAGS.has(tag)) continue;
      let personLink = inPersonLink;
      if (tag === 'a' || tag === 'button' || (controls.size > 0 && controls.has(el))) {
        const aria = ariaLabel(el);
        if (isWithdrawControl(el, tag, aria, controls.size > 0 && controls.has(el))) {
          raw.withdraw = true;
          raw.withdrawName ??= withdrawNameFrom(aria);
          continue; // its text is "Withdraw", never a name
        }
        if (tag !== 'a') continue; // other buttons: "…more", "Connect", "Message"
        const href = el.getAttribute('href') ?? '';
        if (href !== lastHref) {
          lastHref = href;
          lastUrl = canonicalProfileUrl(href);
        }
        const url = lastUrl;
        if (url) {
          raw.profileUrl ??= url;
          personLink = url === raw.profileUrl;
          if (hints && personLink && aria) raw.nameHints.push(aria);
          // A profile link without text (the avatar) has nothing more for a first reading: what
          // it holds (the image's alt, a nested control) matters only when the card has no name,
          // and then the card is read again in full.
          if (!hints && !el.textContent) {
            last = null;
            continue;
          }
        } else if (NON_PERSON_LINK.test(pathOf(href))) {
          raw.nonPersonLink = true;
        }
      } else if (tag === 'img') {
        const alt = hints && inPersonLink && el.getAttribute('alt');
        if (alt) raw.nameHints.push(alt);
        continue;
      }
      walk(el, personLink, inNote || (notes.size > 0 && notes.has(el)), isTime || tag === 'time', depth + 1);
      last = null; // text after an element child starts a new block
    }
  };
  walk(item, false, false, false, 0);
  for (const block of raw.blocks) block.text = tidy(block.text);
  return raw;
}

function pathOf(href: string): string {
  try {
    return new URL(href, 'https://www.linkedin.com/').pathname;
  } catch {
    return '';
  }
}

// ── finding items ──

/**
 * Only the outermost of the list's nested matches, so each card counts once. A card is usually a
 * child of the list (always, for ':scope > li', which `closest` would read differently);
 * otherwise the nearest ancestor matching `selector`, if inside the list, holds it. This asks one
 * parent per card where walking every card's ancestors cost a twentieth of the parse.
 */
function outermost(found: NodeListOf<Element>, selector: string, list: Element): Element[] {
  const items: Element[] = [];
  // Indexed: a NodeList's iterator costs more per element than asking for the next index.
  for (let i = 0; i < found.length; i++) {
    const el = found[i]!;
    const parent = el.parentElement;
    const outer = parent === list ? null : parent?.closest(selector);
    if (!outer || outer === list || !list.contains(outer)) items.push(el);
  }
  return items;
}

/** Cards around Withdraw controls: for each control, its highest ancestor holding no other control. */
function cardsAroundControls(controls: Element[], root: ParentNode): Element[] {
  const shared = new Map<Element, number>();
  for (const control of controls) {
    for (let p = control.parentElement; p && p !== root; p = p.parentElement) shared.set(p, (shared.get(p) ?? 0) + 1);
  }
  const cards = new Set<Element>();
  for (const control of controls) {
    let card: Element = control;
    for (let p = control.parentElement; p && p !== root && shared.get(p) === 1; p = p.parentElement) card = p;
    cards.add(card);
  }
  return [...cards];
}

/** The cards, how they were found, and the part of the page that holds them all (`scope`). */
function findItems(root: ParentNode): { items: Element[]; layout: ParsedSentPage['layout']; scope: ParentNode } {
  for (const containerSelector of LIST_CONTAINERS) {
    const list = root.querySelector(containerSelector);
    if (!list) continue;
    for (const itemSelector of ITEMS) {
      const found = list.querySelectorAll(itemSelector);
      if (found.length > 0) return { items: outermost(found, itemSelector, list), layout: 'list', scope: list };
    }
  }
  const controls = [...root.querySelectorAll(WITHDRAW_SELECTOR)].filter(
    (c) => !c.closest('dialog, [role="dialog"], [role="alertdialog"]'),
  );
  const items = controls.length > 0 ? cardsAroundControls(controls, root) : [];
  return { items, layout: items.length > 0 ? 'withdraw-controls' : null, scope: root };
}

// ── meaning ──

/** NOISE_TEXT as one regex (each is a whole-text /i pattern): one pass over a text, not eight. */
const NOISE = new RegExp(NOISE_TEXT.map((re) => `(?:${re.source})`).join('|'), 'i');

function isNoise(text: string): boolean {
  return NOISE.test(text);
}

/** A display name without "View profile", "’s profile picture", "Pending" and the like. */
export function cleanName(text: string): string | null {
  let name = tidy(text);
  if (NAME_NOISE_WORD.test(name)) {
    for (const re of NAME_NOISE) name = name.replace(re, ' ').trim();
    name = name.replace(/\s+/g, ' ').trim();
  }
  return name && !isNoise(name) ? name.slice(0, LIMITS.name) : null;
}

function labelIn(raw: RawItem, language: string): { index: number; age: Readonly<RelativeAge> } | null {
  // A <time> element first, then any block whose WHOLE text is a label (a note never is).
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < raw.blocks.length; i++) {
      const block = raw.blocks[i]!;
      if (block.isTime !== (pass === 0) || block.inPersonLink || block.inNote) continue;
      const age = labelAge(block.text, language);
      if (age) return { index: i, age };
    }
  }
  return null;
}

/** A label split over several text nodes ("Sent <b>3</b> days ago"): try short whole elements. */
function labelInElements(item: Element, language: string): { text: string; age: Readonly<RelativeAge> } | null {
  for (const el of item.querySelectorAll('time, p, span, div')) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 80) continue;
    const age = labelAge(text, language);
    if (age) return { text, age };
  }
  return null;
}

/** The page's language, reading items through `rawAt` only as far as it must (usually one). */
function pageLanguage(root: ParentNode, count: number, rawAt: (i: number) => RawItem): string | null {
  const doc = (root as Document).documentElement ? (root as Document) : (root as Node).ownerDocument;
  const declared = knownLanguage(doc?.documentElement?.getAttribute('lang'));
  const labelled = (language: string) => {
    for (let i = 0; i < count; i++) {
      const raw = rawAt(i);
      if (raw.profileUrl && labelIn(raw, language)) return true;
    }
    return false;
  };
  if (declared && (count === 0 || labelled(declared))) return declared;
  // The attribute is missing, unknown or wrong: try the tables on the items' own text.
  for (let i = 0; i < count; i++) {
    for (const block of rawAt(i).blocks) {
      if (block.inPersonLink || block.text.length > 80) continue;
      const found = detectLabelLanguage(block.text);
      if (found) return found;
    }
  }
  return declared;
}

function readTotal(root: ParentNode, language: string | null): number | null {
  const languages = language ? [language] : LANGUAGES.map((t) => t.code);
  const countIn = (el: Element): number | null => {
    const text = el.textContent ?? '';
    if (text.length > 60) return null;
    for (const code of languages) {
      const total = recognisePeopleCount(text, code);
      if (total !== null) return total;
    }
    return null;
  };
  for (const selector of TOTAL_CANDIDATES) {
    // The tab is usually the first match, near the top: querySelector stops there, where
    // querySelectorAll would visit the whole page first.
    const first = root.querySelector(selector);
    if (!first) continue;
    const total = countIn(first);
    if (total !== null) return total;
    for (const el of root.querySelectorAll(selector)) {
      const later = countIn(el);
      if (later !== null) return later;
    }
  }
  return null;
}

function isDisabled(el: Element): boolean {
  return el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
}

const LOAD_MORE_SET = new Set(LOAD_MORE_WORDS.map(normalizeText));

/**
 * The first element in document order matching any of `selectors` that passes `test`. Each
 * selector runs alone: a lone tag, class or attribute selector takes the engine's fast paths,
 * where one list of them all made the engine try every selector on every element of the page.
 */
function firstOf(root: ParentNode, selectors: readonly string[], test: (el: Element) => boolean): Element | null {
  let best: Element | null = null;
  for (const selector of selectors) {
    for (const el of root.querySelectorAll(selector)) {
      // 4: `best` follows `el`. Past `best` (or at it), this list has nothing earlier.
      if (best && !(el.compareDocumentPosition(best) & 4)) break;
      if (test(el)) {
        best = el;
        break;
      }
    }
  }
  return best;
}

const isEnabled = (el: Element) => !isDisabled(el);

function isLoadMore(el: Element): boolean {
  if (isDisabled(el) || el.matches(EXPANDABLE_TEXT_BUTTON)) return false;
  const text = normalizeText(el.textContent ?? '');
  const aria = normalizeText(el.getAttribute('aria-label') ?? '');
  if (!LOAD_MORE_SET.has(text) && !LOAD_MORE_SET.has(aria)) return false;
  return !el.closest('[role="listitem"], li.invitation-card, dialog'); // else a note's "see more"
}

/** The page's own "Load more" or next-page control, when one is offered (Lapse clicks only this). */
export function readLoadMore(root: ParentNode): { element: HTMLElement; kind: 'load-more' | 'next-page' } | null {
  const more = firstOf(root, LOAD_MORE_CANDIDATES, isLoadMore);
  if (more) return { element: more as HTMLElement, kind: 'load-more' };
  const next = firstOf(root, NEXT_PAGE, isEnabled);
  return next ? { element: next as HTMLElement, kind: 'next-page' } : null;
}

const any = (root: ParentNode, selectors: readonly string[]) => firstOf(root, selectors, () => true) !== null;

/** Numbered pages, and the Previous control is enabled: this is not page 1. */
function isPaginatedBeyondFirst(root: ParentNode): boolean {
  return any(root, PAGINATION) && firstOf(root, PREVIOUS_PAGE, isEnabled) !== null;
}

function showsEmptyState(root: ParentNode): boolean {
  for (const el of root.querySelectorAll('h1, h2, h3, p, span')) {
    const text = (el.textContent ?? '').trim();
    if (text.length < 200 && EMPTY_STATE.some((re) => re.test(text))) return true;
  }
  return false;
}

/** Reads a "Sent …" label in `language` (null: try every known language) as the send interval. */
export function parseSentLabel(
  text: string,
  language: string | null,
  observedAt: Date,
): { earliest: Date; latest: Date } | null {
  try {
    const code = language === null ? detectLabelLanguage(text) : knownLanguage(language);
    const age = code ? recogniseLabel(text, code) : null;
    return age ? toDates(age, observedAt) : null;
  } catch {
    return null;
  }
}

/** The interval as Dates; with `known`, worked out once per `label` (whose meaning is `age`). */
function toDates(
  age: Readonly<RelativeAge>,
  observedAt: Date,
  known?: Map<string, Interval>,
  label = '',
): { earliest: Date; latest: Date } {
  let interval = known?.get(label);
  if (!interval) {
    interval = labelToInterval(age, observedAt.getTime());
    known?.set(label, interval);
  }
  return { earliest: new Date(interval.earliest), latest: new Date(interval.latest) };
}

/** What a look has found so far, card by card. */
interface Tally {
  invitations: ParsedInvitation[];
  /** Profiles already read: a person listed twice counts once. */
  seen: Set<string>;
  /** Labels repeat from card to card: each one's interval is worked out once per look. */
  intervals: Map<string, Interval>;
  skipped: number;
  unreadable: number;
  tooDeep: boolean;
}

/**
 * What one card means, added to `tally`. A function of its own, so that the page's loop stays
 * small: the engine optimises both sooner than one large function.
 */
function interpret(
  tally: Tally,
  raw: RawItem,
  item: Element,
  marked: Marked,
  language: string | null,
  observedAt: Date,
): void {
  tally.tooDeep ||= raw.tooDeep;
  if (!raw.profileUrl) {
    const emailed =
      (raw.withdrawName !== null && EMAIL.test(raw.withdrawName)) || raw.blocks.some((b) => EMAIL.test(b.text));
    if (raw.nonPersonLink || emailed) tally.skipped++;
    else if (raw.withdraw || (language !== null && labelIn(raw, language))) tally.unreadable++;
    // else: a placeholder or separator, not an invitation at all
    return;
  }
  if (tally.seen.has(raw.profileUrl)) return;

  const blocks = raw.blocks;
  // The name: the first person-link block that reads as one, else the link's or avatar's label.
  let name: string | null = null;
  let lastNameBlock = -1;
  for (let index = 0; index < blocks.length; index++) {
    if (!blocks[index]!.inPersonLink) continue;
    lastNameBlock = index;
    name ||= cleanName(blocks[index]!.text);
  }
  if (!name) {
    const full = readItem(item, marked, true);
    for (const hint of full.nameHints) name ||= cleanName(hint);
    if (!name && full.withdrawName) name = cleanName(full.withdrawName);
  }
  if (!name) {
    tally.unreadable++;
    return;
  }
  tally.seen.add(raw.profileUrl);

  const label = language ? labelIn(raw, language) : null;
  let sentLabel = label ? blocks[label.index]!.text : '';
  let age = label?.age ?? null;
  if (!label && language) {
    const split = labelInElements(item, language);
    if (split) {
      sentLabel = split.text;
      age = split.age;
    }
  }
  if (!age) tally.unreadable++;

  const labelIndex = label?.index ?? blocks.length;
  let headline: string | null = null;
  let note: string | null = null;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]!;
    if (block.inPersonLink || index === label?.index || !block.text || isNoise(block.text)) continue;
    if (block.text === sentLabel) continue;
    if (block.inNote || (label && index > labelIndex)) note = note === null ? block.text : `${note} ${block.text}`;
    else if (headline === null && index > lastNameBlock && index < labelIndex && block.text !== name) {
      headline = block.text.slice(0, LIMITS.headline);
    }
  }

  tally.invitations.push({
    profileUrl: raw.profileUrl,
    name,
    headline,
    sentLabel: sentLabel.slice(0, LIMITS.label),
    sent: age ? toDates(age, observedAt, tally.intervals, sentLabel) : null,
    inviteMessage: note?.slice(0, LIMITS.note) ?? null,
  });
}

/** One look at the Sent page. Never throws on strange markup: what it cannot read it counts. */
export function parseSentPage(root: ParentNode, observedAt: Date): ParsedSentPage {
  const { items, layout, scope } = findItems(root);
  const marked = markedIn(scope);
  // Only the items read to find the language are kept; the rest are read and interpreted one at a
  // time, so each card's raw text is garbage before the next is read (less for the GC to move).
  const early: RawItem[] = [];
  const language = pageLanguage(root, items.length, (i) => (early[i] ??= readItem(items[i]!, marked)));
  const tally: Tally = {
    invitations: [],
    seen: new Set(),
    intervals: new Map(),
    skipped: 0,
    unreadable: 0,
    tooDeep: false,
  };
  for (let i = 0; i < items.length; i++) {
    interpret(tally, early[i] ?? readItem(items[i]!, marked), items[i]!, marked, language, observedAt);
  }

  return {
    invitations: tally.invitations,
    total: readTotal(root, language),
    skipped: tally.skipped,
    unreadable: tally.unreadable,
    language,
    layout,
    // Asked on demand: each is a pass over the whole page, and a reading needs them only when the
    // page shows no total.
    get hasMore() {
      return readLoadMore(root) !== null;
    },
    get laterPage() {
      return isPaginatedBeyondFirst(root);
    },
    get loading() {
      return any(root, LOADING);
    },
    emptyState: items.length === 0 && showsEmptyState(root),
    tooDeep: tally.tooDeep,
  };
}
