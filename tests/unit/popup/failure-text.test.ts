import { describe, expect, it, vi } from 'vitest';
import type { ReadingFailure } from '../../../src/model/reading';
import { failureText, loggedFailureText, stalledText } from '../../../src/popup/failure-text';
import { reading } from './records';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));

/**
 * The content script and the worker say why a reading failed as a code and its figures; the
 * popup says it in the user's language (here the English catalogue), numbers written its way.
 */
describe('why a reading failed, as the popup says it', () => {
  it.each<[ReadingFailure, string]>([
    [
      { code: 'too-many', read: 20_001, max: 20_000 },
      "LinkedIn's page lists 20,001 invitations; Lapse reads at most 20,000 at once.",
    ],
    [
      { code: 'too-deep', depth: 1000 },
      "LinkedIn's page is nested more than 1,000 levels deep; Lapse did not read it.",
    ],
    [
      { code: 'list-not-recognised', total: 1 },
      "Lapse did not recognise the list on LinkedIn's page, which shows 1 invitation.",
    ],
    [
      { code: 'list-not-recognised', total: 42 },
      "Lapse did not recognise the list on LinkedIn's page, which shows 42 invitations.",
    ],
    [{ code: 'none-read', total: 42 }, "No invitation could be read, although LinkedIn's page shows 42."],
    [
      { code: 'unreadable', unreadable: 12, looked: 40, languageKnown: true },
      '12 of 40 invitations could not be read.',
    ],
    [
      { code: 'unreadable', unreadable: 12, looked: 40, languageKnown: false },
      "12 of 40 invitations could not be read: LinkedIn's page language was not recognised.",
    ],
    [
      { code: 'language-not-recognised', read: 1 },
      "1 invitation could not be read: LinkedIn's page language was not recognised.",
    ],
    [
      { code: 'language-not-recognised', read: 7 },
      "7 invitations could not be read: LinkedIn's page language was not recognised.",
    ],
    [
      { code: 'parser-error', detail: 'card.querySelector is not a function' },
      "Lapse could not read LinkedIn's page (card.querySelector is not a function).",
    ],
    [
      { code: 'clock-ahead', minutes: 90 },
      "Refused: the reading is stamped 90 minutes ahead of this computer's clock.",
    ],
  ])('%o', (failure, text) => {
    expect(failureText(failure)).toBe(text);
  });

  it('a reading logged before failures had codes keeps its English words; one that did not fail says nothing', () => {
    const legacy = reading({ failed: true, complete: false, failureReason: 'Sent list not found on the page' });
    expect(loggedFailureText(legacy)).toBe('Sent list not found on the page');
    expect(loggedFailureText(reading({ failure: null }))).toBeNull();
    const coded = reading({ failed: true, failureReason: null, failure: { code: 'none-read', total: 3 } });
    expect(loggedFailureText(coded)).toBe("No invitation could be read, although LinkedIn's page shows 3.");
  });
});

describe('why Scan all stalled', () => {
  it('names what stopped it', () => {
    expect(stalledText('load-more-ignored')).toMatch(/^LinkedIn ignored the Load more click\./);
    expect(stalledText('page-silent')).toBe('The Sent page stopped reporting progress.');
  });
});
