import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reminderText } from '../../../src/background/reminder-text';
import type { Words } from '../../../src/shared/locale';
import { record } from '../store/builders';

/** browser.i18n.getMessage over one real catalogue: named placeholders → $1, $2 … */
function wordsIn(catalogue: string, locale: string): Words {
  const messages = JSON.parse(readFileSync(`public/_locales/${catalogue}/messages.json`, 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
  const translate = (key: string, subs: string[] = []) =>
    messages[key]?.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
      (messages[key]?.placeholders?.[name.toLowerCase()]?.content ?? '').replace(
        /\$(\d)/g,
        (__, n) => subs[n - 1] ?? '',
      ),
    ) ?? '';
  return { translate, locale };
}

const people = (...names: string[]) => names.map((name, i) => record(`p${i}`, { name }));

describe('the reminder’s words', () => {
  it('names two people and counts the rest, the way the language joins a list', () => {
    const crossed = people('Amara Okafor', 'Li Wei', 'Sam Roe');
    expect(reminderText(crossed, 14, wordsIn('en', 'en-GB'))).toEqual({
      title: '3 invitations to act on this week',
      message: 'Could lapse within 14 days: Amara Okafor, Li Wei and 1 more',
    });
    expect(reminderText(crossed, 14, wordsIn('fr', 'fr')).message).toBe(
      'Peuvent expirer d’ici 14 jours : Amara Okafor, Li Wei et 1 autre',
    );
  });

  it('speaks of one in the singular, and cuts a very long name', () => {
    const [one] = people(`Dr. ${'Very'.repeat(20)} Long Name`);
    const text = reminderText([one!], 1, wordsIn('en', 'en'));
    expect(text.title).toBe('1 invitation to act on this week');
    expect(text.message).toMatch(/^Could lapse within 1 day: Dr\. Very.{30,40}…$/);
  });
});
