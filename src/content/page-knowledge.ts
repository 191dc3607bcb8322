/**
 * What Lapse knows of LinkedIn's pages beyond their words (src/content/phrases.ts), their markup
 * (src/content/selectors.ts) and their addresses (src/model/linkedin-pages.ts): which links are
 * not people, and what an e-mail address looks like. See docs/linkedin-pages.md.
 */

/** Links to things that are not people: a card holding one (and no `/in/` link) is not a connection request. */
export const NON_PERSON_LINK = /^\/(?:company|school|showcase|events|newsletters|groups|pulse|services|products)\//;

/** Looks like an e-mail address: an invitation sent to an address, not a member. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
