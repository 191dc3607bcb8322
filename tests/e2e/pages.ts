import { surelyOlderThanDays } from '../../src/rules/expiry';
import { labelToInterval } from '../../src/rules/label-interval';
import type { FixtureAge, FixturePerson } from '../fixtures/sent-page';
import { renderSentBody } from '../fixtures/sent-page';

/**
 * Page-world pieces the browser tests add to the fixtures: a mutation recorder that LinkedIn's own
 * page could install, and a single-page-app shell that reaches the Sent page by pushState.
 */

/** A person with a readable slug, for tests that name who should end up where. */
export function person(
  slug: string,
  name: string,
  age: FixtureAge,
  headline: string | null = 'Engineer',
): FixturePerson {
  return { slug, name, headline, age };
}

/** Hand-picked ages across the buckets, newest first, with whether each is surely ≥ 3 weeks old. */
export const AGED_PEOPLE: { person: FixturePerson; olderThan3Weeks: boolean }[] = [
  { person: person('ana-fresh', 'Ana Fresh', { kind: 'today' }), olderThan3Weeks: false },
  { person: person('ben-days', 'Ben Days', { kind: 'ago', count: 3, unit: 'day' }), olderThan3Weeks: false },
  { person: person('cleo-week', 'Cleo Week', { kind: 'ago', count: 1, unit: 'week' }), olderThan3Weeks: false },
  // "3 weeks ago" may mean 2.5 weeks (round-to-nearest): the badge must not count it.
  { person: person('dan-3weeks', 'Dan Three', { kind: 'ago', count: 3, unit: 'week' }), olderThan3Weeks: false },
  { person: person('eva-4weeks', 'Eva Four', { kind: 'ago', count: 4, unit: 'week' }), olderThan3Weeks: true },
  { person: person('finn-month', 'Finn Month', { kind: 'ago', count: 1, unit: 'month' }), olderThan3Weeks: true },
  { person: person('gus-2months', 'Gus Two', { kind: 'ago', count: 2, unit: 'month' }), olderThan3Weeks: true },
  { person: person('hana-5months', 'Hana Five', { kind: 'ago', count: 5, unit: 'month' }), olderThan3Weeks: true },
  { person: person('ivo-7months', 'Ivo Seven', { kind: 'ago', count: 7, unit: 'month' }), olderThan3Weeks: true },
];

/** Independent of the parser and store: what the rules say a fixture label means at `at`. */
export function expectedSent(age: FixtureAge, at: number) {
  return labelToInterval(age.kind === 'ago' ? { kind: 'ago', count: age.count, unit: age.unit } : age, at);
}

export function surelyOlderThan3Weeks(age: FixtureAge, observedAt: number, now: number): boolean {
  return surelyOlderThanDays(expectedSent(age, observedAt), 21, now);
}

/**
 * Records, in the page's own world, every DOM mutation after DOMContentLoaded (before the content
 * script's document_idle) into `window.__mutations`, one line per record describing its kind,
 * target, attribute and added/removed nodes — enough to tell an added attribute or element apart.
 */
const MUTATION_RECORDER = `
(function () {
  function describe(node) {
    if (!node) return '-';
    if (node.nodeType === 3) return '#text(' + String(node.data).slice(0, 30) + ')';
    if (node.nodeType !== 1) return '#' + node.nodeName;
    var keys = ['id', 'role', 'componentkey', 'data-testid', 'data-fixture', 'aria-label'];
    var parts = keys.map(function (k) { return node.getAttribute(k) ? k + '=' + node.getAttribute(k) : ''; }).filter(Boolean);
    return node.nodeName.toLowerCase() + '[' + parts.join(',') + ']';
  }
  window.__mutations = [];
  var observer = new MutationObserver(function (records) {
    records.forEach(function (r) {
      window.__mutations.push([
        r.type,
        describe(r.target),
        r.attributeName || '',
        '+' + Array.prototype.map.call(r.addedNodes, describe).join(' '),
        '-' + Array.prototype.map.call(r.removedNodes, describe).join(' '),
      ].join(' | '));
    });
  });
  document.addEventListener('DOMContentLoaded', function () {
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
})();`;

/** The fixture page with the mutation recorder installed first thing in its <head>. */
export function withMutationRecorder(html: string): string {
  return html.replace('<head>', `<head><script>${MUTATION_RECORDER}</script>`);
}

/**
 * LinkedIn as a single-page app: the document is the Received invitations page; clicking "Sent"
 * pushes the Sent URL (no reload) and renders the Sent list in place, as LinkedIn's router does.
 */
export function receivedThenSentApp(sent: Parameters<typeof renderSentBody>[0]): string {
  const sentBody = JSON.stringify(renderSentBody(sent)).replace(/</g, '\\u003c');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Invitations | LinkedIn</title></head>
<body><main id="app"><h1>Manage invitations</h1><p>No pending invitations received.</p>
<a id="to-sent" href="/mynetwork/invitation-manager/sent/">Sent</a></main>
<script>
document.getElementById('to-sent').addEventListener('click', function (event) {
  event.preventDefault();
  history.pushState({}, '', '/mynetwork/invitation-manager/sent/');
  setTimeout(function () { document.body.innerHTML = ${sentBody}; }, 150);
});
</script></body></html>`;
}

/** A Sent page from a LinkedIn release Lapse does not know: the count is shown, the list is not recognisable. */
export function unrecognisedSentPage(total: number, names: string[]): string {
  const cards = names.map((n, i) => `<section class="x${i}"><h3>${n}</h3><small>Pending</small></section>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sent invitations | LinkedIn</title></head>
<body><main><h1>Manage invitations</h1><div role="tablist"><a role="tab" aria-selected="true" href="https://www.linkedin.com/mynetwork/invitation-manager/sent/CONNECTION/"><span>People (${total})</span></a></div>
<div class="brand-new-list">${cards}</div></main></body></html>`;
}
