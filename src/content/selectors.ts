import { type AroundName, LANGUAGES, PHRASES } from './phrases';

/**
 * Every CSS selector Lapse uses on LinkedIn's pages. LinkedIn changes its markup without notice,
 * so each alternative says when it was seen (the eras are described in docs/linkedin-pages.md)
 * and which hand-written pages in tests/fixtures it must match; tests/unit/content/selectors.test.ts
 * checks every alternative against those pages and fails on one that matches nothing.
 * Structure, roles, aria labels and `/in/` links come first; class names only as a dated last resort.
 */

/** A page in tests/fixtures. */
export type Fixture =
  | 'sent-current-en.html'
  | 'sent-current-fr.html'
  | 'sent-current-pt.html'
  | 'sent-current-es.html'
  | 'sent-current-de.html'
  | 'sent-current-it.html'
  | 'sent-current-nl.html'
  | 'sent-current-loading-en.html'
  | 'sent-current-empty-en.html'
  | 'sent-current-dialog-en.html'
  | 'sent-view-names-en.html'
  | 'sent-classic-en.html'
  | 'sent-classic-paged-en.html'
  | 'sent-classic-loading-en.html'
  | 'sent-broken.html'
  | 'nav-classic-en.html'
  | 'nav-current-en.html'
  | 'connections-current-en.html'
  | 'connections-current-fr.html'
  | 'connections-classic-en.html';

export interface Alternative {
  css: string;
  /** When (and in which era) LinkedIn was seen using it. */
  seen: string;
  /** Pages it must match. */
  fixtures: readonly Fixture[];
}

/** One thing on the page, found by the first alternative that matches (or by any of them: `anyOf`). */
export type Selector = readonly Alternative[];

/** All alternatives as one selector list, for `matches`, `closest` and a single query. */
export const anyOf = (selector: Selector): string => selector.map((a) => a.css).join(', ');

const ERA_D = 'era D, 2025–2026';
const ERA_B = 'era B, 2019–2024';
const VIEW_NAMES = 'data-view-name era, 2024–2025 (gone by 2026)';
const SENT_D: Fixture[] = ['sent-current-en.html'];
const SENT_D_ALL: Fixture[] = [
  'sent-current-en.html',
  'sent-current-fr.html',
  'sent-current-pt.html',
  'sent-current-es.html',
  'sent-current-de.html',
  'sent-current-it.html',
  'sent-current-nl.html',
];
const SENT_B: Fixture[] = ['sent-classic-en.html', 'sent-classic-paged-en.html'];

// ── the Sent page ──

/** The list holding the invitations, most specific first. */
export const SENT_LIST: Selector = [
  { css: '[componentkey="InvitationManagerPage_InvitationsList"]', seen: ERA_D, fixtures: SENT_D_ALL },
  { css: '[data-testid="lazy-column"]', seen: ERA_D, fixtures: SENT_D_ALL },
  { css: '[data-component-type="LazyColumn"]', seen: ERA_D, fixtures: SENT_D },
  { css: 'ul.mn-invitation-list', seen: ERA_B, fixtures: SENT_B },
];

/** One invitation inside the list, most specific first. */
export const SENT_CARD: Selector = [
  { css: '[role="listitem"]', seen: ERA_D, fixtures: SENT_D_ALL },
  { css: '[data-view-name="sent-invitation"]', seen: VIEW_NAMES, fixtures: ['sent-view-names-en.html'] },
  { css: 'li.invitation-card', seen: ERA_B, fixtures: SENT_B },
];
/** Any list's items: the fallback when the list matched but its items' markup did not. */
export const ANY_LIST_ITEM = ':scope > li';

/** `[aria-label]` starting and ending with the words around a name. */
function ariaAround({ before, after }: AroundName): string {
  return `[aria-label^="${before}"]${after ? `[aria-label$="${after}"]` : ''}`;
}

/**
 * A card's own Withdraw control (never clicked by Lapse; it finds cards and names). Its
 * aria-label names the person: "Withdraw invitation sent to <Name>".
 */
export const WITHDRAW_CONTROL: Selector = [
  ...LANGUAGES.flatMap((language) =>
    PHRASES[language].withdraw.label.map((label) => ({
      css: ariaAround(label),
      seen: language === 'en' ? `${ERA_B} and ${ERA_D}` : 'this project’s inference (the English one translated)',
      fixtures: [`sent-current-${language}.html` as const],
    })),
  ),
  {
    css: '[data-view-name="sent-invitations-withdraw-single"]',
    seen: VIEW_NAMES,
    fixtures: ['sent-view-names-en.html'],
  },
  { css: 'button.invitation-card__action-btn', seen: ERA_B, fixtures: SENT_B },
];

/** Dialogs (LinkedIn's withdraw confirmation among them); a control inside one is not a card's. */
export const DIALOG: Selector = [
  { css: 'dialog', seen: ERA_D, fixtures: ['sent-current-dialog-en.html'] },
  { css: '[role="dialog"]', seen: ERA_B, fixtures: ['sent-classic-paged-en.html'] },
];

/** The element holding the invitation's note, when the markup says so. */
export const NOTE: Selector = [
  { css: '.invitation-card__custom-message', seen: ERA_B, fixtures: ['sent-classic-en.html'] },
];

/** A truncated note's "…more" button: never the list's Load more. */
export const NOTE_EXPANDER: Selector = [
  { css: '[data-testid="expandable-text-button"]', seen: ERA_D, fixtures: SENT_D },
];

/** Buttons, among which the list's "Load more" (told by its words). */
export const BUTTON: Selector = [
  { css: 'button', seen: `${ERA_B} and ${ERA_D}`, fixtures: [...SENT_D_ALL, ...SENT_B] },
];

/** Era B's numbered pages: present at all, so the last page is not the whole list. */
export const PAGINATION: Selector = [
  { css: '.artdeco-pagination', seen: ERA_B, fixtures: ['sent-classic-paged-en.html'] },
];
/** Pagination's "Next". */
export const NEXT_PAGE: Selector = [
  { css: 'button.artdeco-pagination__button--next', seen: ERA_B, fixtures: ['sent-classic-paged-en.html'] },
  { css: 'button[aria-label="Next"]', seen: ERA_B, fixtures: ['sent-classic-paged-en.html'] },
];
/** Pagination's "Previous": enabled, this is not page 1. */
export const PREVIOUS_PAGE: Selector = [
  { css: 'button.artdeco-pagination__button--previous', seen: ERA_B, fixtures: ['sent-classic-paged-en.html'] },
  { css: 'button[aria-label="Previous"]', seen: ERA_B, fixtures: ['sent-classic-paged-en.html'] },
];

/** Where the "People (N)" count is, most likely first; each candidate's whole text is read. */
export const PEOPLE_COUNT: Selector = [
  { css: 'a[href*="/sent/CONNECTION"]', seen: ERA_D, fixtures: [...SENT_D, 'sent-broken.html'] },
  { css: '[role="tab"][aria-selected="true"]', seen: ERA_D, fixtures: SENT_D_ALL },
  { css: '.artdeco-pill--selected', seen: ERA_B, fixtures: ['sent-classic-en.html'] },
  { css: '[aria-pressed="true"]', seen: ERA_B, fixtures: ['sent-classic-en.html'] },
  { css: '[aria-current]', seen: ERA_D, fixtures: SENT_D },
  { css: '[role="tab"]', seen: ERA_D, fixtures: SENT_D_ALL },
  { css: 'button, a', seen: 'any era: anything short and clickable', fixtures: [...SENT_D, ...SENT_B] },
  { css: 'span', seen: 'any era: any short text', fixtures: [...SENT_D, ...SENT_B] },
];

/** Still loading: the list is not ended while one of these shows. */
export const LOADING: Selector = [
  { css: '[aria-busy="true"]', seen: ERA_D, fixtures: ['sent-current-loading-en.html'] },
  { css: '[role="progressbar"]', seen: ERA_D, fixtures: ['sent-current-loading-en.html'] },
  { css: '.artdeco-loader', seen: ERA_B, fixtures: ['sent-classic-loading-en.html'] },
];

/** Headings and short texts where the page says in words that the list is empty. */
export const EMPTY_STATE_TEXT: Selector = [
  { css: 'h1, h2, h3, p, span', seen: 'any era', fixtures: ['sent-current-empty-en.html'] },
];

// ── both pages ──

/** Links to a member's profile. */
export const PROFILE_LINK: Selector = [
  {
    css: 'a[href*="/in/"]',
    seen: 'every era',
    fixtures: [...SENT_D, ...SENT_B, 'connections-current-en.html', 'connections-classic-en.html'],
  },
];

/** Short elements that may hold a label split over several text nodes ("Sent <b>3</b> days ago"). */
export const SHORT_TEXT: Selector = [
  {
    css: 'time, p, span, div',
    seen: 'any era',
    fixtures: [...SENT_D, ...SENT_B, 'connections-current-en.html', 'connections-classic-en.html'],
  },
];

/** Links to the member's own profile, most robust first: who is signed in. */
export const SELF_PROFILE_LINK: Selector = [
  {
    css: '.global-nav__me a[href*="/in/"]',
    seen: '2019–2026, the global navigation',
    fixtures: ['nav-classic-en.html'],
  },
  { css: '.global-nav__me-content a[href*="/in/"]', seen: '2019–2026, its menu', fixtures: ['nav-classic-en.html'] },
  { css: '[data-view-name="navigation-me"] a[href*="/in/"]', seen: ERA_D, fixtures: ['nav-current-en.html'] },
  { css: 'a[data-view-name="navigation-me"][href*="/in/"]', seen: ERA_D, fixtures: ['nav-current-en.html'] },
  {
    css: 'a[data-view-name="identity-self-profile"][href*="/in/"]',
    seen: '2024–2026, feed-style pages',
    fixtures: ['nav-current-en.html'],
  },
  {
    css: '[data-view-name="identity-module"] a[href*="/in/"]',
    seen: '2024–2026, feed-style pages',
    fixtures: ['nav-current-en.html'],
  },
];

/** Embedded JSON blocks, one of which names the member (its `$type` is ME_JSON_TYPE). */
export const JSON_BLOCK: Selector = [
  { css: 'code', seen: '2019–2026', fixtures: ['nav-classic-en.html', 'nav-current-en.html'] },
];
export const ME_JSON_TYPE = 'com.linkedin.voyager.common.Me';
/** A same-origin preload frame that may hold those blocks instead. */
export const INTEROP_FRAME: Selector = [
  { css: 'iframe[data-testid="interop-iframe"]', seen: '2025–2026', fixtures: ['nav-current-en.html'] },
];

// ── the Connections page ──

/** Where the list lives; the suggestions rail ("People you may know") sits outside it. */
export const CONNECTIONS_ROOT: Selector = [
  {
    css: 'main',
    seen: `${ERA_B} and ${ERA_D}`,
    fixtures: ['connections-current-en.html', 'connections-current-fr.html', 'connections-classic-en.html'],
  },
];

/** One connection card, most specific first; the outermost match counts. */
export const CONNECTION_CARD: Selector = [
  { css: '[role="listitem"]', seen: ERA_D, fixtures: ['connections-current-en.html', 'connections-current-fr.html'] },
  { css: '[componentkey^="auto-component"]', seen: ERA_D, fixtures: ['connections-current-en.html'] },
  { css: 'li.mn-connection-card', seen: ERA_B, fixtures: ['connections-classic-en.html'] },
];
