// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { accountInJson, readAccount } from '../../../src/content/identity';
import { parseSentPage } from '../../../src/content/parse';
import { meJson, renderSentPage, samplePeople } from '../../fixtures/sent-page';

const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const people = samplePeople(4);

describe('who is signed in', () => {
  test('both layouts: read from the "Me" entry, and the nav link is never taken for an invitation', () => {
    for (const layout of ['current', 'classic'] as const) {
      const doc = load(renderSentPage({ layout, people, signedIn: { slug: 'Ada-Lovelace', json: false } }));
      expect(readAccount(doc)).toBe('ada-lovelace');
      const read = parseSentPage(doc, new Date('2026-03-15T12:00:00Z')).invitations.map((i) => i.profileUrl);
      expect(read).not.toContain('https://www.linkedin.com/in/Ada-Lovelace/');
      expect(read).toHaveLength(4);
    }
  });

  test('from the embedded Me JSON when the navigation does not show it', () => {
    const doc = load(renderSentPage({ people, signedIn: { slug: 'grace-h', meLink: false } }));
    expect(readAccount(doc)).toBe('grace-h');
  });

  test('from the identity module of feed-style pages', () => {
    const doc = load(
      '<div data-view-name="identity-module"><a data-view-name="identity-self-profile" href="/in/linus-t/?mini=true">Linus</a></div>',
    );
    expect(readAccount(doc)).toBe('linus-t');
  });

  test('from the JSON inside the same-origin interop frame', () => {
    const doc = load(renderSentPage({ people, signedIn: null }));
    const frame = doc.createElement('iframe');
    frame.setAttribute('data-testid', 'interop-iframe');
    const inner = load(`<body>${meJson('frame-user')}</body>`);
    Object.defineProperty(frame, 'contentDocument', { value: inner });
    doc.body.append(frame);
    expect(readAccount(doc)).toBe('frame-user');
  });

  test('null when every signal is stripped, and for hostile or broken values', () => {
    expect(readAccount(load(renderSentPage({ people, signedIn: null })))).toBeNull();
    expect(readAccount(load('<div class="global-nav__me"><a href="/in/me/">Me</a></div>'))).toBeNull();
    expect(readAccount(load('<code>{"$type":"com.linkedin.voyager.common.Me", broken</code>'))).toBeNull();
    expect(
      accountInJson({ data: { $type: 'com.linkedin.voyager.common.Me', '*miniProfile': 'x' }, included: [] }),
    ).toBeNull();
    expect(
      accountInJson({ data: { $type: 'com.linkedin.voyager.common.Me', miniProfile: { publicIdentifier: 'a/b?c' } } }),
    ).toBeNull();
    expect(accountInJson('a string')).toBeNull();
  });

  test('the first signal wins: the navigation over the JSON', () => {
    const doc = load(renderSentPage({ people, signedIn: { slug: 'nav-user' } }));
    doc.body.insertAdjacentHTML('beforeend', meJson('json-user'));
    expect(readAccount(doc)).toBe('nav-user');
  });
});
