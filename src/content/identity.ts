import { invitationId } from '../model/profile';
import { anyOf, INTEROP_FRAME, JSON_BLOCK, ME_JSON_TYPE, SELF_PROFILE_LINK } from './selectors';

/**
 * Who is signed in, as the page shows it: a canonical account slug, or null when the page does
 * not say. Read from the document only (never fetched: Lapse makes no requests), in the order of
 * src/content/selectors.ts: the member's own profile link in the navigation or identity module, then the
 * embedded JSON, then the same JSON inside the interop frame.
 */
export function readAccount(doc: Document): string | null {
  return fromLinks(doc) ?? fromJson(doc) ?? fromJson(interopDocument(doc));
}

/** A slug a page may claim (the worker checks the same with zod). */
function accountOf(href: string | null | undefined): string | null {
  const slug = href ? invitationId(href) : null;
  // "me" is LinkedIn's redirect to the member's own profile, not a slug.
  return slug && slug !== 'me' && /^[^/?#%\\\s]+$/.test(slug) ? slug : null;
}

function fromLinks(doc: Document): string | null {
  for (const alternative of SELF_PROFILE_LINK) {
    const link = doc.querySelector(alternative);
    const account = accountOf(link?.getAttribute('href'));
    if (account) return account;
  }
  return null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The `Me` entry's mini profile in one JSON block: `*miniProfile` names an `included` entry. */
export function accountInJson(data: unknown): string | null {
  if (!isObject(data)) return null;
  const entries = [data.data, ...(Array.isArray(data.included) ? data.included : [])].filter(isObject);
  const me = entries.find((entry) => entry.$type === ME_JSON_TYPE);
  const urn = me?.['*miniProfile'];
  const profile = isObject(me?.miniProfile) ? me.miniProfile : entries.find((entry) => entry.entityUrn === urn);
  const id = profile?.publicIdentifier;
  return typeof id === 'string' ? accountOf(`/in/${encodeURIComponent(id)}/`) : null;
}

function fromJson(doc: Document | null): string | null {
  if (!doc) return null;
  for (const block of doc.querySelectorAll(anyOf(JSON_BLOCK))) {
    const text = block.textContent ?? '';
    // Only blocks that name the type are parsed: pages hold many large ones.
    if (!text.includes(ME_JSON_TYPE)) continue;
    try {
      const account = accountInJson(JSON.parse(text));
      if (account) return account;
    } catch {
      // Not JSON after all: the next block may be.
    }
  }
  return null;
}

function interopDocument(doc: Document): Document | null {
  const frame = doc.querySelector<HTMLIFrameElement>(anyOf(INTEROP_FRAME));
  try {
    // Same-origin only: a frame from elsewhere throws or has no document, and says nothing.
    return frame?.contentDocument ?? null;
  } catch {
    return null;
  }
}
