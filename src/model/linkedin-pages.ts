/**
 * Which LinkedIn pages Lapse reads, by URL: the content scripts decide where to act, and the popup
 * whether the active tab can "Scan all" itself. Pure, so both sides of the extension share it.
 */

/** The Sent view of the invitation manager (also `/sent/CONNECTION/`, `?page=N`, …). */
const SENT_PATH = /^\/mynetwork\/invitation-manager\/sent(?:\/|$)/;

/** The user's own connections list (`/mynetwork/invite-connect/connections/`, any query). */
const CONNECTIONS_PATH = /^\/mynetwork\/invite-connect\/connections(?:\/|$)/;

/** True when `href` is on LinkedIn and its path matches `path` (a malformed URL is not). */
function isLinkedInPath(href: string, path: RegExp): boolean {
  try {
    const url = new URL(href);
    return url.hostname === 'www.linkedin.com' && path.test(url.pathname);
  } catch {
    return false;
  }
}

/** True on the Sent view of LinkedIn's invitation manager (any query, `/sent/CONNECTION/`, …). */
export function isSentPageUrl(href: string): boolean {
  return isLinkedInPath(href, SENT_PATH);
}

/** True on the user's own Connections list (`/mynetwork/invite-connect/connections/`). */
export function isConnectionsPageUrl(href: string): boolean {
  return isLinkedInPath(href, CONNECTIONS_PATH);
}
