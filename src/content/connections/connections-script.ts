import { isConnectionsPageUrl } from '../../model/linkedin-pages';
import { linkToBackground, quietly } from '../extension-link';
import { watchLocation } from '../navigation';
import { type ConnectionsReader, watchConnectionsPage } from './reader';

/** What the script touches outside itself; tests replace the clock and the pace. */
export interface ConnectionsEnv {
  window: Window;
  now: () => number;
  debounceMs: number;
  pollMs: number;
}

/**
 * The content script of the Connections page: read only, no scans — people listed there who are
 * in the ledger accepted. A separate script from the Sent page's, so each page carries only its
 * own code (and the Sent page's script stays within its size budget). It follows in-page
 * navigation away and back, and stops for good if the extension is reloaded under the page.
 */
export function startConnectionsScript(overrides: Partial<ConnectionsEnv> = {}): { stop(): void } {
  const env: ConnectionsEnv = { window, now: Date.now, debounceMs: 400, pollMs: 500, ...overrides };
  const life = new AbortController();
  const send = quietly(linkToBackground(env.window, life));
  let visit: { controller: AbortController; reader: ConnectionsReader } | null = null;

  const onUrl = (href: string) => {
    const onPage = isConnectionsPageUrl(href);
    if (onPage && visit) {
      visit.reader.readNow();
    } else if (onPage) {
      const controller = new AbortController();
      life.signal.addEventListener('abort', () => controller.abort(life.signal.reason), {
        once: true,
        signal: controller.signal,
      });
      const reader = watchConnectionsPage({
        document: env.window.document,
        signal: controller.signal,
        now: env.now,
        send: (message) => void send(message),
        debounceMs: env.debounceMs,
      });
      visit = { controller, reader };
    } else if (visit) {
      visit.controller.abort('navigation');
      visit = null;
    }
  };

  watchLocation(env.window, life.signal, onUrl, env.pollMs);
  onUrl(env.window.location.href);
  return { stop: () => life.abort('stopped') };
}
