// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseSentPage } from '../../../src/content/parse';
import { toReading } from '../../../src/content/reading';
import { renderSentBody, samplePeople } from '../../fixtures/sent-page';

const URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';
const NOW = new Date('2026-11-20T10:00:00Z');

function readingOf(html: string) {
  document.body.innerHTML = html;
  return toReading(parseSentPage(document, NOW), URL, NOW.getTime());
}

describe('which readings may later mark invitations gone', () => {
  it('an empty list with only "no invitations" words is not complete: they may belong to the page being left', () => {
    const reading = readingOf('<main><h2>No pending invitations received.</h2></main>');
    // Either nothing is sent, or what is sent can mark nobody gone.
    expect(reading?.complete ?? false).toBe(false);
  });

  it('an empty Sent list that says so without a count is recorded but not complete', () => {
    const reading = readingOf('<main><h2>No sent invitations</h2><p>Invitations you send appear here.</p></main>');
    expect(reading).not.toBeNull();
    expect(reading?.invitations).toEqual([]);
    expect(reading?.complete).toBe(false);
    expect(reading?.failed).toBe(false);
  });

  it('an empty list is complete when LinkedIn counts zero', () => {
    const reading = readingOf('<main><a href="/mynetwork/invitation-manager/sent/CONNECTION/">People (0)</a></main>');
    expect(reading?.total).toBe(0);
    expect(reading?.complete).toBe(true);
  });

  it('a list that read as many people as its total is complete; fewer is partial', () => {
    const people = samplePeople(12, 4);
    expect(readingOf(renderSentBody({ people, total: 12 }))?.complete).toBe(true);
    expect(readingOf(renderSentBody({ people, total: 30 }))?.complete).toBe(false);
  });
});
