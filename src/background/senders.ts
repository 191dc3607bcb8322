import type { Runtime } from 'webextension-polyfill';

export const LINKEDIN_ORIGIN = 'https://www.linkedin.com/';

/** Who may send what: readings only from our content script on LinkedIn, edits only from our own pages. */
export type SenderKind = 'linkedin-content' | 'extension-page';

export interface ExtensionIdentity {
  id: string;
  /** `browser.runtime.getURL('')`, e.g. `chrome-extension://<id>/`. */
  baseUrl: string;
}

export function classifySender(sender: Runtime.MessageSender, self: ExtensionIdentity): SenderKind | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(self.baseUrl)) return 'extension-page';
  if (sender.tab?.id !== undefined && sender.url.startsWith(LINKEDIN_ORIGIN)) return 'linkedin-content';
  return null;
}
