import { CONNECTIONS_PATH } from './connections/knowledge';
import { SENT_PATH } from './page-knowledge';

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

/**
 * Calls `onChange(href)` whenever the page's URL changes. LinkedIn navigates with
 * history.pushState, which a content script cannot observe from its isolated world without
 * injecting code into the page (which Lapse never does), so: popstate for back/forward, plus a
 * cheap poll of `location.href`.
 */
export function watchLocation(win: Window, signal: AbortSignal, onChange: (href: string) => void, pollMs = 500): void {
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };
  win.addEventListener('popstate', check, { signal });
  win.addEventListener('hashchange', check, { signal });
  const timer = win.setInterval(check, pollMs);
  signal.addEventListener('abort', () => win.clearInterval(timer), { once: true });
}
