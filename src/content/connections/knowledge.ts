/**
 * Everything Lapse knows about LinkedIn's Connections page, in one place. Like the Sent page it
 * changes without notice: each alternative says where and when it was seen. `/in/` links, roles
 * and words come first; class names only as a dated last resort.
 */

/** One connection card, most specific first; the outermost match counts. */
export const CONNECTION_ITEMS: readonly string[] = [
  // era D, 2025–2026: server-driven React list, hashed classes, cards as list items
  '[role="listitem"]',
  // era D, 2025: cards keyed `auto-component-…` (public scrapers, 2025)
  '[componentkey^="auto-component"]',
  // era B, 2019–2024: `li.mn-connection-card` in `ul.mn-connections__list`
  'li.mn-connection-card',
];

/** Where the list lives; the suggestions rail ("People you may know") sits outside it. */
export const CONNECTIONS_ROOTS: readonly string[] = [
  // era D, 2025–2026 and era B: the page's main landmark
  'main',
  '[role="main"]',
];

/**
 * LinkedIn's word before the connection time, per UI language ("Connected 2 weeks ago",
 * "Connected on March 5, 2026"). English is seen in captures and scrapers (2019–2026); the others
 * are LinkedIn's usual terms for those languages (best effort, both genders where the language has them).
 */
export const CONNECTED_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['Connected'],
  fr: ['Connecté(e)', 'Connectée', 'Connecté', 'Relation établie', 'En relation depuis'],
  pt: ['Conectado(a)', 'Conectada', 'Conectado', 'Conexão feita'],
  es: ['Conectado(a)', 'Conectada', 'Conectado', 'Conexión establecida'],
  de: ['Vernetzt', 'Verbunden'],
  it: ['Collegato/a', 'Collegata', 'Collegato'],
  nl: ['Connectie gemaakt', 'Verbonden'],
};

/** The word between "Connected" and an absolute date ("Connected on …", "Connecté(e) le …"). */
export const DATE_PREPOSITIONS: Readonly<Record<string, readonly string[]>> = {
  en: ['on'],
  fr: ['le', 'depuis le'],
  pt: ['em'],
  es: ['el'],
  de: ['am', 'seit'],
  it: ['il', "l'"],
  nl: ['op'],
};

/** Filler inside a written date ("5 de março de 2026", "5. März 2026"). */
export const DATE_FILLERS: readonly string[] = ['de', 'del', 'di'];
