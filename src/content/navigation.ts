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
