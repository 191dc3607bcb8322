/**
 * Everything Lapse knows about LinkedIn's Sent invitations page, in one place.
 * LinkedIn changes this page without notice: each alternative says where and when it was seen
 * (see shared/reference/linkedin-sent-page.md). Structure, roles, aria labels and `/in/` links
 * come first; class names only as a dated last resort.
 */

/** The list holding the invitations, most specific first. */
export const LIST_CONTAINERS: readonly string[] = [
  // era D, 2025–2026: server-driven React list
  '[componentkey="InvitationManagerPage_InvitationsList"]',
  '[data-testid="lazy-column"]',
  '[data-component-type="LazyColumn"]',
  // era B, 2019–2024
  'ul.mn-invitation-list',
];

/** One invitation inside the list. */
export const ITEMS: readonly string[] = [
  // era D, 2025–2026
  '[role="listitem"]',
  // data-view-name era, 2024–2025 (gone by 2026)
  '[data-view-name="sent-invitation"]',
  // era B, 2019–2024
  'li.invitation-card',
  // any list: the generic fallback when the container matched but the item markup did not
  ':scope > li',
];

/** The card's own Withdraw control (never clicked by Lapse; used to find cards and names). */
export const WITHDRAW_CONTROLS: readonly string[] = [
  // era B and era D: aria-label "Withdraw invitation sent to <Name>"
  '[aria-label^="Withdraw invitation sent to"]',
  // data-view-name era, 2024–2025
  '[data-view-name="sent-invitations-withdraw-single"]',
  // era B class, 2019–2024
  'button.invitation-card__action-btn',
];

/** The prefix of a withdraw control's aria-label; the rest is the person's name. */
export const WITHDRAW_ARIA_PREFIXES: readonly RegExp[] = [
  // English, era B and D
  /^Withdraw invitation sent to\s+/i,
  // French / Portuguese / Spanish / Italian forms seen in localized UIs (best effort)
  /^Retirer l[’']invitation envoy[ée]e à\s+/i,
  /^Retirar (?:o )?convite enviado (?:para|a)\s+/i,
  /^Retirar (?:la )?invitación enviada a\s+/i,
  /^Ritira l[’']invito inviato a\s+/i,
];
/** Any of WITHDRAW_ARIA_PREFIXES, in order, as one regex: one pass over a label, not five. */
export const WITHDRAW_ARIA_PREFIX = new RegExp(WITHDRAW_ARIA_PREFIXES.map((re) => `(?:${re.source})`).join('|'), 'i');

/**
 * The same test as WITHDRAW_CONTROLS without a selector engine (the parser asks it of every link
 * and button, and `matches` is slow on large pages). The caller has read the element's
 * `localName` and `aria-label` already and passes them in, and says whether the element may have
 * a data-view-name at all (false when it knows it has none).
 */
export function isWithdrawControl(el: Element, localName: string, aria: string | null, viewNamed = true): boolean {
  if (aria && WITHDRAW_ARIA_PREFIX.test(aria)) return true;
  if (viewNamed && el.getAttribute('data-view-name') === 'sent-invitations-withdraw-single') return true;
  // A link is never a button: no need to ask for its tag name.
  return (
    localName !== 'a' && el.tagName.toUpperCase() === 'BUTTON' && el.classList.contains('invitation-card__action-btn')
  );
}

/** Text of a withdraw/confirm button (case-insensitive, whole text). */
export const WITHDRAW_WORDS: readonly string[] = [
  'Withdraw', // en
  'Retirer', // fr
  'Retirar', // pt, es
  'Zurückziehen', // de
  'Ritira', // it
  'Intrekken', // nl
];

/** The note behind a "…more" button, era D 2025–2026. */
export const EXPANDABLE_TEXT_BUTTON = '[data-testid="expandable-text-button"]';

/** Class of the element holding the invitation note, when one is known. */
export const NOTE_CLASSES: readonly string[] = [
  // era B, 2019–2024
  'invitation-card__custom-message',
];

/** Headline, when a selector knows it (era D has none: it is found by order). */
export const HEADLINES: readonly string[] = [
  // era B, 2019–2024
  '.invitation-card__subtitle',
  '.invitation-card__occupation',
];

/** "Load more" / next-page controls, buttons only; their text is matched against LOAD_MORE_WORDS. */
export const LOAD_MORE_CANDIDATES: readonly string[] = ['button', '[role="button"]'];
export const LOAD_MORE_WORDS: readonly string[] = [
  // era D, 2025–2026
  'Load more',
  'Show more results',
  'See more',
  'Show more',
  // localized (best effort): fr, pt, es, de, it, nl
  'Charger plus',
  'Afficher plus',
  'Afficher plus de résultats',
  'Voir plus',
  'Carregar mais',
  'Exibir mais resultados',
  'Ver mais',
  'Mostrar más resultados',
  'Cargar más',
  'Ver más',
  'Mehr laden',
  'Weitere Ergebnisse anzeigen',
  'Mehr anzeigen',
  'Carica altro',
  'Mostra altri risultati',
  'Mostra altro',
  'Meer laden',
  'Meer resultaten weergeven',
  'Meer weergeven',
];
/** Pagination "next", era B 2019–2024. */
export const NEXT_PAGE: readonly string[] = [
  'button.artdeco-pagination__button--next',
  'button[aria-label="Next"]',
  'a[rel="next"]',
];
/** Pagination present at all (so the last page is not the whole list), era B. */
export const PAGINATION: readonly string[] = ['.artdeco-pagination', 'nav[aria-label="Pagination"]'];
/** Pagination "previous", era B: enabled means this is not page 1. */
export const PREVIOUS_PAGE: readonly string[] = [
  'button.artdeco-pagination__button--previous',
  'button[aria-label="Previous"]',
];

/** Where the "People (N)" count is, most likely first; each candidate's whole text is matched. */
export const TOTAL_CANDIDATES: readonly string[] = [
  // era D, 2025–2026: link to /sent/CONNECTION/ in the tab row
  'a[href*="/sent/CONNECTION"]',
  // era D tabs and era B selected pill
  '[role="tab"][aria-selected="true"]',
  '.artdeco-pill--selected',
  '[aria-pressed="true"]',
  '[aria-current]',
  '[role="tab"]',
  // anything short and clickable, then any span
  'button, a',
  'span',
];

/** Still loading: do not call the list ended while these show. */
export const LOADING: readonly string[] = ['[aria-busy="true"]', '[role="progressbar"]', '.artdeco-loader'];

/** Positive evidence of an empty Sent list (so zero items may be believed). */
export const EMPTY_STATE: readonly RegExp[] = [
  // Not the Received tab's "No pending invitations received", still on screen mid-navigation.
  /^no (?:pending|sent) invitations(?! received)/i,
  /^you (?:don[’']t|do not) have any (?:pending|sent) invitations/i,
  /^aucune invitation (?:envoyée|en attente)/i,
  /^nenhum convite (?:enviado|pendente)/i,
];

/** Links to things that are not people: an item holding one (and no /in/ link) is not a connection request. */
export const NON_PERSON_LINK = /^\/(?:company|school|showcase|events|newsletters|groups|pulse|services|products)\//;

/** Looks like an e-mail address: an invitation sent to an address, not a member. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Text that is never a name or headline. */
export const NOISE_TEXT: readonly RegExp[] = [
  /^(?:withdraw|retirer|retirar|zurückziehen|ritira|intrekken)$/i,
  /^pending$/i,
  /^(?:…|\.\.\.)?\s*(?:see )?more$/i,
  /^(?:…|\.\.\.)?\s*(?:voir plus|ver mais|ver más|mehr|altro|meer)$/i,
  /^view (?:full )?profile$/i,
  /^status is (?:online|offline|reachable|away)$/i,
  /^(?:·|•)?\s*(?:1st|2nd|3rd\+?)$/i,
  /^message$/i,
];

/** Noise inside a name (link text, img alt, aria-label); removed, the rest kept. */
export const NAME_NOISE: readonly RegExp[] = [
  // era D avatar alt, 2025–2026: "Name’s profile picture" (typographic apostrophe)
  /[’']s? profile (?:picture|photo)$/i,
  /^(?:profile (?:picture|photo) of|photo of|foto (?:do|del) perfil de|photo de profil de|profilbild von|immagine del profilo di|profielfoto van)\s+/i,
  /^view\s+/i,
  /[’']s?\s+profile$/i,
  /\s*view (?:full )?profile\s*/gi,
  /\s*\bpending\b\s*/gi,
  /\s*status is (?:online|offline|reachable|away)\s*/gi,
];
/** A word each NAME_NOISE pattern holds (keep in step): a name without one has no noise to remove. */
export const NAME_NOISE_WORD = /profil|photo|foto|immagine|view|pending|status is/i;

// ── Who is signed in (one ledger per account; see linkedin-sent-page.md, "Who is signed in") ──

/**
 * Links to the member's own profile, most robust first. Every LinkedIn page carries the global
 * navigation, so these work on the Sent and the Connections page alike.
 */
export const SELF_PROFILE_LINKS: readonly string[] = [
  // the global navigation's "Me" entry and its menu, 2019–2026 (`global-nav__me`, menu content)
  '.global-nav__me a[href*="/in/"]',
  '.global-nav__me-content a[href*="/in/"]',
  // era D 2025–2026 navigation: the "Me" entry keyed by view name
  '[data-view-name="navigation-me"] a[href*="/in/"]',
  'a[data-view-name="navigation-me"][href*="/in/"]',
  // feed-style pages, 2024–2026: the identity module
  'a[data-view-name="identity-self-profile"][href*="/in/"]',
  '[data-view-name="identity-module"] a[href*="/in/"]',
];

/** Embedded JSON (`<code>` blocks) naming the member: a `Me` entry pointing at a mini profile. */
export const ME_JSON_TYPE = 'com.linkedin.voyager.common.Me';
export const ME_JSON_BLOCKS = 'code';
/** Newer pages (2025–2026) may hold those blocks in a same-origin preload frame. */
export const INTEROP_FRAME = 'iframe[data-testid="interop-iframe"]';
