/**
 * Profile links in one canonical form, and the stable id derived from them.
 * LinkedIn links arrive relative, absolute, with tracking queries, hashes, percent-encoding
 * and trailing path parts (`/in/slug/overlay/…`); all of them name the same person.
 */
const PROFILE_PATH = /^\/in\/([^/?#]+)/;

/** A profile link in its canonical form (what canonicalProfileUrl returns): the only form stored or linked. */
export const CANONICAL_PROFILE_URL = /^https:\/\/www\.linkedin\.com\/in\/[^/?#]+\/$/;

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The shape nearly every link on the Sent page has: LinkedIn's own origin or none, a slug of
 * letters, digits, "_", "-" and percent escapes, then at most a slash, a query and a hash. The URL
 * parser would leave such a path as it is (it neither decodes nor re-encodes "%"), so the slug is
 * read straight from the text; skipping the parser matters when a page holds thousands of links.
 */
const PLAIN_PROFILE_LINK = /^(?:https:\/\/www\.linkedin\.com)?\/in\/([\w%-]+)\/?(?:[?#][\s\S]*)?$/;

/** Letters, digits, "_" and "-": nothing to decode, normalise or trim. */
const PLAIN_ASCII = /^[\w-]+$/;

/** The encoded slug of a `/in/<slug>` link as the URL parser reads it, or null. */
function encodedSlug(href: string): string | null {
  const plain = PLAIN_PROFILE_LINK.exec(href)?.[1];
  if (plain) return plain;
  let url: URL;
  try {
    url = new URL(href, 'https://www.linkedin.com/');
  } catch {
    return null;
  }
  if (!/(^|\.)linkedin\.com$/i.test(url.hostname)) return null;
  return PROFILE_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The decoded slug of a `/in/<slug>` link, or null when the link is not a person's profile. */
export function profileSlug(href: string): string | null {
  const encoded = encodedSlug(href);
  // Plain ASCII needs no decoding and is its own NFC form (normalize is slow on large pages).
  const slug = !encoded ? '' : PLAIN_ASCII.test(encoded) ? encoded : nfc(safeDecode(encoded)).trim();
  // "." and ".." cannot be written in a path (URLs resolve them away, even as %2E).
  return slug && slug !== '.' && slug !== '..' ? slug : null;
}

/** Text below U+0300 (Latin letters, accented ones precomposed) is already NFC: no need to ask ICU. */
const nfc = (text: string) => (/[^\0-\u02ff]/.test(text) ? text.normalize('NFC') : text);

/**
 * Characters of a decoded slug that would change the link if written raw: path and query
 * delimiters, "%" (it would decode again), backslash (read as "/"), and whitespace and control
 * characters (URLs drop or trim them). LinkedIn slugs never have them; hostile links might.
 */
const UNSAFE_IN_PATH = /[%/?#\\\s\p{Cc}]/gu;

/** `https://www.linkedin.com/in/<slug>/`, query and hash removed, slug decoded; null if not a profile. */
export function canonicalProfileUrl(href: string): string | null {
  const slug = profileSlug(href);
  // Searching first spares a replace that would change nothing (nearly always).
  const safe =
    slug === null || slug.search(UNSAFE_IN_PATH) < 0 ? slug : slug.replace(UNSAFE_IN_PATH, encodeURIComponent);
  return safe === null ? null : `https://www.linkedin.com/in/${safe}/`;
}

/** The ledger key: the slug, case-folded (LinkedIn resolves slugs case-insensitively). */
export function invitationId(profileUrl: string): string | null {
  const slug = profileSlug(profileUrl);
  return slug === null ? null : slug.toLowerCase();
}
