import { describe, expect, test } from 'vitest';
import { isNoise } from '../../../src/content/dom-read';

/**
 * Control words and statuses that must never become a name, a headline or a note, however
 * LinkedIn spaces, cases or apostrophises them; and texts that merely contain such a word.
 */
describe('isNoise', () => {
  test.each([
    ['Withdraw'],
    ['  withdraw\n'],
    ['WITHDRAW'],
    ['Pending'],
    ['…more'],
    ['… more'],
    ['...more'],
    ['See more'],
    ['View\u00a0profile'],
    ['Status  is\tonline'],
    ['Voir le profil'],
    ['\u200bRetirer'],
    ['Profil anzeigen'],
    ['In behandeling'],
    ['· 2nd'],
    ['3rd+'],
    ['1ST'],
  ])('%j is noise', (text) => {
    expect(isNoise(text)).toBe(true);
  });

  test.each([
    ['Ada Lovelace'],
    ['Head of Sales, EMEA'],
    ['Pending approval from legal'],
    ['Withdrawn'],
    ['More than a recruiter'],
    ['Message me about Rust'],
    ['2nd-year student'],
    [''],
  ])('%j is not noise', (text) => {
    expect(isNoise(text)).toBe(false);
  });
});
