import { type AroundName, LANGUAGES, type Language, PHRASES } from './phrases';

/**
 * Every CSS selector Lapse uses on LinkedIn's pages. LinkedIn changes its markup without notice,
 * so each selector lists its alternatives, most specific first; whereSeen, below, says when each was
 * seen (the eras are described in docs/linkedin-pages.md) and which hand-written pages in
 * tests/fixtures it must match. tests/unit/content/selectors.test.ts checks every alternative
 * against those pages and fails on one that matches nothing.
 * Structure, roles, aria labels and `/in/` links come first; class names only as a dated last resort.
 */

/** One thing on the page, found by the first alternative that matches (or by any of them: `anyOf`). */
export type Selector = readonly string[];

/** All alternatives as one selector list, for `matches`, `closest` and a single query. */
export const anyOf = (selector: Selector): string => selector.join(', ');

// ── the Sent page ──

/** The list holding the invitations. */
export const SENT_LIST = [
  '[componentkey="InvitationManagerPage_InvitationsList"]',
  '[data-testid="lazy-column"]',
  '[data-component-type="LazyColumn"]',
  'ul.mn-invitation-list',
] as const;

/** One invitation inside the list. */
export const SENT_CARD = ['[role="listitem"]', '[data-view-name="sent-invitation"]', 'li.invitation-card'] as const;
/** Any list's items: the fallback when the list matched but its items' markup did not. */
export const ANY_LIST_ITEM = ':scope > li';

/** `[aria-label]` starting and ending with the words around a name. */
function ariaAround({ before, after }: AroundName): string {
  return `[aria-label^="${before}"]${after ? `[aria-label$="${after}"]` : ''}`;
}
/** The Withdraw control's aria-label in `language`, e.g. "Withdraw invitation sent to <Name>". */
const withdrawLabelIn = (language: Language) => PHRASES[language].withdraw.label.map(ariaAround);

/** A card's own Withdraw control (never clicked by Lapse; it finds cards and names). Its aria-label names the person. */
export const WITHDRAW_CONTROL: Selector = [
  ...LANGUAGES.flatMap(withdrawLabelIn),
  '[data-view-name="sent-invitations-withdraw-single"]',
  'button.invitation-card__action-btn',
];

/** Dialogs (LinkedIn's withdraw confirmation among them); a control inside one is not a card's. */
export const DIALOG = ['dialog', '[role="dialog"]'] as const;

/** The element holding the invitation's note, when the markup says so. */
export const NOTE = ['.invitation-card__custom-message'] as const;

/** A truncated note's "…more" button: never the list's Load more. */
export const NOTE_EXPANDER = ['[data-testid="expandable-text-button"]'] as const;

/** Buttons, among which the list's "Load more" (told by its words). */
export const BUTTON = ['button'] as const;

/** Era B's numbered pages: present at all, so the last page is not the whole list. */
export const PAGINATION = ['.artdeco-pagination'] as const;
/** Pagination's "Next". */
export const NEXT_PAGE = ['button.artdeco-pagination__button--next', 'button[aria-label="Next"]'] as const;
/** Pagination's "Previous": enabled, this is not page 1. */
export const PREVIOUS_PAGE = ['button.artdeco-pagination__button--previous', 'button[aria-label="Previous"]'] as const;

/** Where the "People (N)" count is, most likely first; each candidate's whole text is read. */
export const PEOPLE_COUNT = [
  'a[href*="/sent/CONNECTION"]',
  '[role="tab"][aria-selected="true"]',
  '.artdeco-pill--selected',
  '[aria-pressed="true"]',
  '[aria-current]',
  '[role="tab"]',
  'button, a',
  'span',
] as const;

/** Still loading: the list is not ended while one of these shows. */
export const LOADING = ['[aria-busy="true"]', '[role="progressbar"]', '.artdeco-loader'] as const;

/** Headings and short texts where the page says in words that the list is empty. */
export const EMPTY_STATE_TEXT = ['h1, h2, h3, p, span'] as const;

// ── both pages ──

/** Links to a member's profile. */
export const PROFILE_LINK = ['a[href*="/in/"]'] as const;

/** Short elements that may hold a label split over several text nodes ("Sent <b>3</b> days ago"). */
export const SHORT_TEXT = ['time, p, span, div'] as const;

/** Links to the member's own profile, most robust first: who is signed in. */
export const SELF_PROFILE_LINK = [
  '.global-nav__me a[href*="/in/"]',
  '.global-nav__me-content a[href*="/in/"]',
  '[data-view-name="navigation-me"] a[href*="/in/"]',
  'a[data-view-name="navigation-me"][href*="/in/"]',
  'a[data-view-name="identity-self-profile"][href*="/in/"]',
  '[data-view-name="identity-module"] a[href*="/in/"]',
] as const;

/** Embedded JSON blocks, one of which names the member (its `$type` is ME_JSON_TYPE). */
export const JSON_BLOCK = ['code'] as const;
export const ME_JSON_TYPE = 'com.linkedin.voyager.common.Me';
/** A same-origin preload frame that may hold those blocks instead. */
export const INTEROP_FRAME = ['iframe[data-testid="interop-iframe"]'] as const;

// ── the Connections page ──

/** Where the list lives; the suggestions rail ("People you may know") sits outside it. */
export const CONNECTIONS_ROOT = ['main'] as const;

/** One connection card; the outermost match counts. */
export const CONNECTION_CARD = [
  '[role="listitem"]',
  '[componentkey^="auto-component"]',
  'li.mn-connection-card',
] as const;

// ── where each alternative was seen ──

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

export interface Seen {
  /** When (and in which era) LinkedIn was seen using it. */
  when: string;
  /** Pages it must match. */
  fixtures: readonly Fixture[];
}
/** Every alternative of `selector`, and only those, with where it was seen. */
type SeenFor<S extends Selector> = { readonly [css in S[number]]: Seen };

const ERA_D = 'era D, 2025–2026';
const ERA_B = 'era B, 2019–2024';
const ERA_B_AND_D = `${ERA_B} and ${ERA_D}`;
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
const PAGED: Fixture[] = ['sent-classic-paged-en.html'];
const CONNECTIONS_D: Fixture[] = ['connections-current-en.html', 'connections-current-fr.html'];

/** The Withdraw control's aria-label in each language: seen in English, the others translated. */
function withdrawLabelsSeen(): Record<string, Seen> {
  const seen = (language: Language): Seen => ({
    when: language === 'en' ? ERA_B_AND_D : 'this project’s inference (the English one translated)',
    fixtures: [`sent-current-${language}.html`],
  });
  return Object.fromEntries(
    LANGUAGES.flatMap((language) => withdrawLabelIn(language).map((css) => [css, seen(language)])),
  );
}

/**
 * Where each alternative of each selector was seen. Only the selector test asks (the content
 * scripts never call this), so the bundler leaves the table out of the scripts, which must stay small.
 */
export function whereSeen() {
  return { ...sentCardsSeen(), ...sentListSeen(), ...bothPagesSeen() };
}

/** The Sent page's list and its cards. */
function sentCardsSeen() {
  return {
    SENT_LIST: {
      '[componentkey="InvitationManagerPage_InvitationsList"]': { when: ERA_D, fixtures: SENT_D_ALL },
      '[data-testid="lazy-column"]': { when: ERA_D, fixtures: SENT_D_ALL },
      '[data-component-type="LazyColumn"]': { when: ERA_D, fixtures: SENT_D },
      'ul.mn-invitation-list': { when: ERA_B, fixtures: SENT_B },
    } satisfies SeenFor<typeof SENT_LIST>,
    SENT_CARD: {
      '[role="listitem"]': { when: ERA_D, fixtures: SENT_D_ALL },
      '[data-view-name="sent-invitation"]': { when: VIEW_NAMES, fixtures: ['sent-view-names-en.html'] },
      'li.invitation-card': { when: ERA_B, fixtures: SENT_B },
    } satisfies SeenFor<typeof SENT_CARD>,
    WITHDRAW_CONTROL: {
      ...withdrawLabelsSeen(),
      '[data-view-name="sent-invitations-withdraw-single"]': {
        when: VIEW_NAMES,
        fixtures: ['sent-view-names-en.html'],
      },
      'button.invitation-card__action-btn': { when: ERA_B, fixtures: SENT_B },
    } satisfies SeenFor<typeof WITHDRAW_CONTROL>,
    DIALOG: {
      dialog: { when: ERA_D, fixtures: ['sent-current-dialog-en.html'] },
      '[role="dialog"]': { when: ERA_B, fixtures: PAGED },
    } satisfies SeenFor<typeof DIALOG>,
    NOTE: {
      '.invitation-card__custom-message': { when: ERA_B, fixtures: ['sent-classic-en.html'] },
    } satisfies SeenFor<typeof NOTE>,
    NOTE_EXPANDER: {
      '[data-testid="expandable-text-button"]': { when: ERA_D, fixtures: SENT_D },
    } satisfies SeenFor<typeof NOTE_EXPANDER>,
  };
}

/** What the Sent page says about its list as a whole. */
function sentListSeen() {
  return {
    BUTTON: {
      button: { when: ERA_B_AND_D, fixtures: [...SENT_D_ALL, ...SENT_B] },
    } satisfies SeenFor<typeof BUTTON>,
    PAGINATION: {
      '.artdeco-pagination': { when: ERA_B, fixtures: PAGED },
    } satisfies SeenFor<typeof PAGINATION>,
    NEXT_PAGE: {
      'button.artdeco-pagination__button--next': { when: ERA_B, fixtures: PAGED },
      'button[aria-label="Next"]': { when: ERA_B, fixtures: PAGED },
    } satisfies SeenFor<typeof NEXT_PAGE>,
    PREVIOUS_PAGE: {
      'button.artdeco-pagination__button--previous': { when: ERA_B, fixtures: PAGED },
      'button[aria-label="Previous"]': { when: ERA_B, fixtures: PAGED },
    } satisfies SeenFor<typeof PREVIOUS_PAGE>,
    PEOPLE_COUNT: {
      'a[href*="/sent/CONNECTION"]': { when: ERA_D, fixtures: [...SENT_D, 'sent-broken.html'] },
      '[role="tab"][aria-selected="true"]': { when: ERA_D, fixtures: SENT_D_ALL },
      '.artdeco-pill--selected': { when: ERA_B, fixtures: ['sent-classic-en.html'] },
      '[aria-pressed="true"]': { when: ERA_B, fixtures: ['sent-classic-en.html'] },
      '[aria-current]': { when: ERA_D, fixtures: SENT_D },
      '[role="tab"]': { when: ERA_D, fixtures: SENT_D_ALL },
      'button, a': { when: 'any era: anything short and clickable', fixtures: [...SENT_D, ...SENT_B] },
      span: { when: 'any era: any short text', fixtures: [...SENT_D, ...SENT_B] },
    } satisfies SeenFor<typeof PEOPLE_COUNT>,
    LOADING: {
      '[aria-busy="true"]': { when: ERA_D, fixtures: ['sent-current-loading-en.html'] },
      '[role="progressbar"]': { when: ERA_D, fixtures: ['sent-current-loading-en.html'] },
      '.artdeco-loader': { when: ERA_B, fixtures: ['sent-classic-loading-en.html'] },
    } satisfies SeenFor<typeof LOADING>,
    EMPTY_STATE_TEXT: {
      'h1, h2, h3, p, span': { when: 'any era', fixtures: ['sent-current-empty-en.html'] },
    } satisfies SeenFor<typeof EMPTY_STATE_TEXT>,
  };
}

/** Both pages, and the Connections page. */
function bothPagesSeen() {
  // Built here, not beside the other lists: a spread at the top of the module would stay in the content scripts.
  const everyCard: Fixture[] = [...SENT_D, ...SENT_B, 'connections-current-en.html', 'connections-classic-en.html'];
  return {
    PROFILE_LINK: {
      'a[href*="/in/"]': { when: 'every era', fixtures: everyCard },
    } satisfies SeenFor<typeof PROFILE_LINK>,
    SHORT_TEXT: {
      'time, p, span, div': { when: 'any era', fixtures: everyCard },
    } satisfies SeenFor<typeof SHORT_TEXT>,
    SELF_PROFILE_LINK: {
      '.global-nav__me a[href*="/in/"]': {
        when: '2019–2026, the global navigation',
        fixtures: ['nav-classic-en.html'],
      },
      '.global-nav__me-content a[href*="/in/"]': { when: '2019–2026, its menu', fixtures: ['nav-classic-en.html'] },
      '[data-view-name="navigation-me"] a[href*="/in/"]': { when: ERA_D, fixtures: ['nav-current-en.html'] },
      'a[data-view-name="navigation-me"][href*="/in/"]': { when: ERA_D, fixtures: ['nav-current-en.html'] },
      'a[data-view-name="identity-self-profile"][href*="/in/"]': {
        when: '2024–2026, feed-style pages',
        fixtures: ['nav-current-en.html'],
      },
      '[data-view-name="identity-module"] a[href*="/in/"]': {
        when: '2024–2026, feed-style pages',
        fixtures: ['nav-current-en.html'],
      },
    } satisfies SeenFor<typeof SELF_PROFILE_LINK>,
    JSON_BLOCK: {
      code: { when: '2019–2026', fixtures: ['nav-classic-en.html', 'nav-current-en.html'] },
    } satisfies SeenFor<typeof JSON_BLOCK>,
    INTEROP_FRAME: {
      'iframe[data-testid="interop-iframe"]': { when: '2025–2026', fixtures: ['nav-current-en.html'] },
    } satisfies SeenFor<typeof INTEROP_FRAME>,
    CONNECTIONS_ROOT: {
      main: { when: ERA_B_AND_D, fixtures: [...CONNECTIONS_D, 'connections-classic-en.html'] },
    } satisfies SeenFor<typeof CONNECTIONS_ROOT>,
    CONNECTION_CARD: {
      '[role="listitem"]': { when: ERA_D, fixtures: CONNECTIONS_D },
      '[componentkey^="auto-component"]': { when: ERA_D, fixtures: ['connections-current-en.html'] },
      'li.mn-connection-card': { when: ERA_B, fixtures: ['connections-classic-en.html'] },
    } satisfies SeenFor<typeof CONNECTION_CARD>,
  };
}
