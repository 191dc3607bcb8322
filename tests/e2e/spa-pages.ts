import { renderReceivedBody } from '../fixtures/received-page';
import {
  type FixtureLanguage,
  type FixturePerson,
  renderSentBody,
  renderSentPage,
  samplePeople,
} from '../fixtures/sent-page';

/**
 * LinkedIn as a single-page app moving between its Sent and Received tabs: a click on either
 * link in the "Invitation direction" nav renders that list in place, as LinkedIn's router does.
 * `order` says which comes first when moving to Received: the new list ('render-first', the
 * address follows 1.5 s later) or the new address ('address-first', the list drawn at once).
 * Back on Sent, `sentAgain` is shown.
 */
export function sentReceivedApp(options: {
  sent: FixturePerson[];
  received: FixturePerson[];
  sentAgain: FixturePerson[];
  order: 'render-first' | 'address-first';
}): string {
  const json = (html: string) => JSON.stringify(html).replace(/</g, '\\u003c');
  const script = `
(function () {
  var received = ${json(renderReceivedBody(options.received))};
  var sentAgain = ${json(renderSentBody({ people: options.sentAgain }))};
  var order = ${JSON.stringify(options.order)};
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('nav[aria-label="Invitation direction"] a');
    if (!link) return;
    event.preventDefault();
    var path = new URL(link.href).pathname;
    if (path.indexOf('/received/') >= 0) {
      if (order === 'address-first') history.pushState({}, '', path);
      document.body.innerHTML = received;
      if (order === 'render-first') setTimeout(function () { history.pushState({}, '', path); }, 1500);
    } else {
      history.pushState({}, '', path);
      document.body.innerHTML = sentAgain;
    }
  }, true);
})();`;
  return renderSentPage({ people: options.sent }).replace('</head>', `<script>${script}</script></head>`);
}

/** A Sent page whose first card holds a note nested `depth` elements deep (built by the page itself). */
export function deepSentPage(depth: number, lang?: FixtureLanguage): string {
  const script = `
document.addEventListener('DOMContentLoaded', function () {
  var top = document.createElement('span'), nest = top;
  for (var i = 0; i < ${depth}; i++) nest = nest.appendChild(document.createElement('span'));
  nest.textContent = 'a note';
  document.querySelector('[role="listitem"] p').appendChild(top);
});`;
  return renderSentPage({ people: samplePeople(5, 95), ...(lang && { lang }) }).replace(
    '</head>',
    `<script>${script}</script></head>`,
  );
}
