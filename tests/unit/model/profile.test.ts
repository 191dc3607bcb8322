import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvitationRecord } from '../../../src/model/invitation';
import { canonicalProfileUrl, invitationId, profileSlug } from '../../../src/model/profile';

const JANE = 'https://www.linkedin.com/in/jane-doe/';

describe('canonicalProfileUrl: every way a link names the same person', () => {
  it.each([
    ['already canonical', JANE],
    ['without the trailing slash', 'https://www.linkedin.com/in/jane-doe'],
    [
      'with a tracking query',
      'https://www.linkedin.com/in/jane-doe/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB',
    ],
    ['with a hash', 'https://www.linkedin.com/in/jane-doe/#experience'],
    ['with query and hash, no slash', 'https://www.linkedin.com/in/jane-doe?trk=people#top'],
    ['relative, as the Sent page writes it', '/in/jane-doe/'],
    ['relative without the leading slash', 'in/jane-doe'],
    ['protocol-relative', '//www.linkedin.com/in/jane-doe/'],
    ['a trailing path part (/overlay/…)', 'https://www.linkedin.com/in/jane-doe/overlay/contact-info/'],
    ['a trailing path part, relative', '/in/jane-doe/recent-activity/all/?trk=x'],
    ['a country subdomain', 'https://de.linkedin.com/in/jane-doe/'],
    ['the bare domain over http', 'http://linkedin.com/in/jane-doe'],
    ['surrounded by spaces', '  https://www.linkedin.com/in/jane-doe/  '],
  ])('%s', (_, href) => {
    expect(canonicalProfileUrl(href)).toBe(JANE);
  });

  it('percent-decodes the slug', () => {
    expect(canonicalProfileUrl('/in/j%C3%BCrgen-m%C3%BCller-4b2a1/')).toBe(
      'https://www.linkedin.com/in/jürgen-müller-4b2a1/',
    );
    expect(canonicalProfileUrl('https://www.linkedin.com/in/%E5%BC%A0%E4%BC%9F/')).toBe(
      'https://www.linkedin.com/in/张伟/',
    );
  });

  it('treats a decomposed and a composed accent as the same slug', () => {
    expect(canonicalProfileUrl('/in/ju%CC%88rgen/')).toBe(canonicalProfileUrl('/in/j%C3%BCrgen/'));
  });

  it('keeps a malformed percent sequence as literal text instead of throwing, and the id stays stable', () => {
    const canonical = canonicalProfileUrl('/in/jane%E0%A4%A/');
    expect(canonical).toBe('https://www.linkedin.com/in/jane%25E0%25A4%25A/');
    expect(invitationId(canonical!)).toBe(invitationId('/in/jane%E0%A4%A/'));
  });

  it('keeps characters that would change the link (%2F, %3F, %23, %25) encoded', () => {
    expect(canonicalProfileUrl('/in/jane%2Fdoe/')).toBe('https://www.linkedin.com/in/jane%2Fdoe/');
    expect(canonicalProfileUrl('/in/jane%3Fdoe%23x/')).toBe('https://www.linkedin.com/in/jane%3Fdoe%23x/');
    expect(canonicalProfileUrl('/in/100%25/')).toBe('https://www.linkedin.com/in/100%25/');
  });

  it.each([
    ['a company page', '/company/acme/'],
    ['the feed', 'https://www.linkedin.com/feed/'],
    ['the Sent page itself', 'https://www.linkedin.com/mynetwork/invitation-manager/sent/'],
    ['/in/ with no slug', 'https://www.linkedin.com/in/'],
    ['/in/ with a blank slug', '/in/%20/'],
    ['a path that only contains /in/ later', '/school/x/in/jane-doe/'],
    ['an e-mail invitation', 'mailto:jane@example.com'],
    ['a script link', 'javascript:alert(1)'],
    ['nothing', ''],
  ])('%s is not a profile: null', (_, href) => {
    expect(canonicalProfileUrl(href)).toBeNull();
  });

  it.each([
    ['another site', 'https://example.com/in/jane-doe/'],
    ['a look-alike domain', 'https://linkedin.com.example.com/in/jane-doe/'],
    ['a domain ending in linkedin.com', 'https://notlinkedin.com/in/jane-doe/'],
    ['a short link', 'https://lnkd.in/in/jane-doe'],
  ])('%s: null', (_, href) => {
    expect(canonicalProfileUrl(href)).toBeNull();
  });
});

describe('invitationId: the ledger key', () => {
  it('is the slug, case-folded, whatever form the link took', () => {
    expect(invitationId('/in/Jane-Doe/?trk=x')).toBe('jane-doe');
    expect(invitationId(JANE)).toBe('jane-doe');
    expect(invitationId('/in/J%C3%9CRGEN/')).toBe('jürgen');
  });

  it('is null for anything that is not a profile', () => {
    expect(invitationId('/company/acme/')).toBeNull();
  });
});

describe('properties', () => {
  const slugArb = fc.oneof(
    fc.stringMatching(/^[a-zA-Z0-9-]{1,40}$/),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  );
  const decoration = fc.constantFrom('', '/', '/?trk=1', '#x', '/overlay/about-this-profile/', '?a=%2F#b');
  const prefix = fc.constantFrom('', 'https://www.linkedin.com', 'https://fr.linkedin.com', '//www.linkedin.com');

  it('a canonical URL is accepted by the record schema, and canonicalising it again changes nothing', () => {
    fc.assert(
      fc.property(prefix, slugArb, decoration, (host, slug, tail) => {
        const canonical = canonicalProfileUrl(`${host}/in/${encodeURIComponent(slug)}${tail}`);
        if (canonical === null) return;
        expect(InvitationRecord.shape.profileUrl.safeParse(canonical).success).toBe(true);
        expect(canonicalProfileUrl(canonical)).toBe(canonical);
        expect(profileSlug(canonical)).toBe(profileSlug(`${host}/in/${encodeURIComponent(slug)}${tail}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('an ordinary slug survives exactly', () => {
    fc.assert(
      fc.property(prefix, fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9-]{0,40}$/), decoration, (host, slug, tail) => {
        expect(canonicalProfileUrl(`${host}/in/${slug}${tail}`)).toBe(`https://www.linkedin.com/in/${slug}/`);
      }),
    );
  });

  it('a plain link read without the URL parser names the same person as the same link read through it', () => {
    // `https://www.linkedin.com` and relative links take the shortcut; a country subdomain does not.
    const tail = fc.oneof(
      decoration,
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `?${s}`),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('', 'https://www.linkedin.com'),
        fc.oneof(
          fc.stringMatching(/^[\w-]{1,40}$/),
          fc.stringMatching(/^[\w%-]{1,20}$/),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).map(encodeURIComponent),
        ),
        tail,
        (host, slug, rest) => {
          expect(canonicalProfileUrl(`${host}/in/${slug}${rest}`)).toBe(
            canonicalProfileUrl(`https://de.linkedin.com/in/${slug}${rest}`),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
