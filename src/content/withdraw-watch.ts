import { canonicalProfileUrl } from '../model/profile';
import type { WithdrawObserved } from '../model/reading';
import { cleanName } from './dom-read';
import { inAnyLanguage } from './phrases';
import { anyOf, DIALOG, SENT_CARD } from './selectors';
import { isWithdrawControl, withdrawNameFrom } from './sent/withdraw-control';
import { normalizeText } from './words';

export interface WithdrawWatchOptions {
  document: Document;
  signal: AbortSignal;
  now: () => number;
  report: (withdraw: WithdrawObserved) => void;
}

const WORDS = new Set(inAnyLanguage((p) => p.withdraw.words).map(normalizeText));

/** Who a card's Withdraw control is about: the name in its aria-label, the card's /in/ link. */
function personOfCard(control: Element): { name: string | null; profileUrl: string | null } {
  const card = control.closest(anyOf(SENT_CARD));
  let profileUrl: string | null = null;
  let linkText: string | null = null;
  for (const a of card?.querySelectorAll('a[href]') ?? []) {
    const url = canonicalProfileUrl(a.getAttribute('href') ?? '');
    if (!url) continue;
    profileUrl ??= url;
    if (url === profileUrl) linkText ??= cleanName(a.textContent ?? '');
  }
  return { name: withdrawNameFrom(control.getAttribute('aria-label')) ?? linkText, profileUrl };
}

/**
 * Notices when the user withdraws an invitation through LinkedIn's own confirmation dialog.
 * A capture-phase click listener only listens; it never changes the page or the click.
 * Only trusted events (the user's own clicks, `isTrusted`) count.
 * The card's Withdraw click says who; the dialog's confirm click says it happened.
 * Dialogs inside an open shadow root (#interop-outlet) are seen through composedPath().
 */
export function watchWithdrawals(options: WithdrawWatchOptions): void {
  const { document: doc, signal, now, report } = options;
  let opened: { name: string | null; profileUrl: string | null } | null = null;

  const onClick = (event: Event) => {
    // Only the user's own clicks: a page script can dispatch a click on a dialog it made up.
    if (!event.isTrusted) return;
    const path = event.composedPath().filter((n): n is Element => (n as Node).nodeType === 1);
    const dialogAt = path.findIndex((el) => el.matches(anyOf(DIALOG)));
    if (dialogAt < 0) {
      const control = path.find(isWithdrawControl);
      if (control) opened = personOfCard(control);
      return;
    }
    const button = path
      .slice(0, dialogAt)
      .find((el) => el.tagName.toUpperCase() === 'BUTTON' || el.getAttribute('role') === 'button');
    if (!button) return;
    const named = withdrawNameFrom(button.getAttribute('aria-label'));
    if (named === null && !WORDS.has(normalizeText(button.textContent ?? ''))) return; // Cancel, close, …
    const name = named ?? opened?.name ?? null;
    if (!name) return;
    const sameCard = opened !== null && (named === null || opened.name === null || opened.name === named);
    report({ name: name.slice(0, 500), profileUrl: sameCard ? (opened?.profileUrl ?? null) : null, at: now() });
    opened = null;
  };
  doc.addEventListener('click', onClick, { capture: true, signal });
}
