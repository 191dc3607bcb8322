import { renderSentBody, type SentPageOptions } from '../fixtures/sent-page';

/**
 * LinkedIn as a single-page app, loaded at the Received invitations URL. Clicking "Sent" pushes
 * the Sent URL (no reload) and renders the Sent list in place `renderDelayMs` later, as LinkedIn's
 * router does once its data has arrived. The document keeps `window.__documentId`, so a test can tell it was never reloaded.
 */
export function receivedThenSentApp(sent: SentPageOptions, renderDelayMs = 150): string {
  const sentBody = JSON.stringify(renderSentBody(sent)).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Invitations | LinkedIn</title></head>
<body><main id="app"><h1>Manage invitations</h1><div role="tablist"><a role="tab" aria-selected="true" href="/mynetwork/invitation-manager/">Received</a>
<a id="to-sent" role="tab" href="/mynetwork/invitation-manager/sent/">Sent</a></div><p>No pending invitations received.</p></main>
<script>
window.__documentId = Math.random().toString(36).slice(2);
document.getElementById('to-sent').addEventListener('click', function (event) {
  event.preventDefault();
  history.pushState({}, '', '/mynetwork/invitation-manager/sent/');
  setTimeout(function () { document.body.innerHTML = ${sentBody}; }, ${renderDelayMs});
});
</script></body></html>`;
}
