import { describe, expect, it } from 'vitest';
import { connectedDay, decideDayOrder, readSentAt, sentInterval } from '../../../src/import/dates';
import { DAY, MINUTE } from '../../../src/model/durations';

/** The interval one "Sent At" value means, its file holding only it. */
function sent(text: string) {
  const shape = readSentAt(text);
  const order = decideDayOrder([shape]);
  if (!order.ok) return { code: order.problem };
  return sentInterval(shape, order.order);
}

describe('Sent At', () => {
  it.each([
    ['3/5/26, 1:45 AM', Date.UTC(2026, 2, 5, 1, 45)],
    ['3/5/26, 1:45 PM', Date.UTC(2026, 2, 5, 13, 45)],
    ['12/31/25, 12:00 AM', Date.UTC(2025, 11, 31, 0, 0)],
    ['12/31/25, 12:59 PM', Date.UTC(2025, 11, 31, 12, 59)],
    ['3/5/26, 1:45\u202fAM', Date.UTC(2026, 2, 5, 1, 45)], // newer ICU: narrow no-break space
    ['3/5/2026, 1:45 am', Date.UTC(2026, 2, 5, 1, 45)],
    ['2026-03-05 01:45', Date.UTC(2026, 2, 5, 1, 45)],
    ['2026-03-05T01:45Z', Date.UTC(2026, 2, 5, 1, 45)],
    ['2026-03-05T03:45+02:00', Date.UTC(2026, 2, 5, 1, 45)],
    ['05.03.26, 13:45', Date.UTC(2026, 2, 5, 13, 45)], // German: day first
    ['05.03.2026 13:45', Date.UTC(2026, 2, 5, 13, 45)],
    ['25/03/2026 13:45', Date.UTC(2026, 2, 25, 13, 45)], // 25 can only be the day
    ['03/25/2026 13:45', Date.UTC(2026, 2, 25, 13, 45)], // 25 can only be the day
  ])('"%s" is the minute starting %d (UTC)', (text, at) => {
    expect(sent(text)).toEqual({ earliest: at, latest: at + MINUTE - 1 });
  });

  it('keeps seconds when the export writes them', () => {
    const at = Date.UTC(2026, 2, 5, 1, 45, 30);
    expect(sent('2026-03-05 01:45:30')).toEqual({ earliest: at, latest: at + 999 });
  });

  it.each([
    ['05/03/2026 13:45', 'ambiguous-dates'],
    ['March 5th', 'not-a-date'],
    ['', 'not-a-date'],
    ['2/30/26, 1:00 PM', 'no-such-date'],
    ['3/5/26, 13:45 PM', 'no-such-hour'],
    ['31.02.2026 10:00', 'no-such-date'],
    ['2026-13-05 01:45', 'no-such-date'],
    ['3/5/26, 1:60 AM', 'no-such-date'],
    ['3/5/02, 1:45 AM', 'out-of-range'],
  ])('"%s" is refused: %s', (text, code) => {
    expect(sent(text)).toMatchObject({ code });
  });

  it('decides day/month for the whole file from any row that proves it', () => {
    const shapes = ['05/03/2026 01:45', '13/03/2026 18:20'].map(readSentAt);
    expect(decideDayOrder(shapes)).toEqual({ ok: true, order: 'day-first' });
    expect(sentInterval(shapes[0]!, 'day-first')).toMatchObject({ earliest: Date.UTC(2026, 2, 5, 1, 45) });
  });

  it('refuses a file whose rows prove both orders, naming the later row', () => {
    const shapes = ['3/5/26, 1:45 AM', '13/3/26, 1:45 AM', '3/14/26, 1:45 AM'].map(readSentAt);
    expect(decideDayOrder(shapes)).toEqual({ ok: false, index: 2, problem: 'mixed-date-formats' });
  });
});

describe('Connected On', () => {
  it.each([
    ['05 Mar 2026', Date.UTC(2026, 2, 5)],
    ['5 March 2026', Date.UTC(2026, 2, 5)],
    ['05 Sept 2025', Date.UTC(2025, 8, 5)],
    ['Mar 5, 2026', Date.UTC(2026, 2, 5)],
    ['2026-03-05', Date.UTC(2026, 2, 5)],
    ['29 Feb 2024', Date.UTC(2024, 1, 29)],
  ])('"%s" is that whole day in UTC', (text, start) => {
    expect(connectedDay(text)).toEqual({ earliest: start, latest: start + DAY - 1 });
  });

  it.each(['07 mars 2026', '05/03/2026', '29 Feb 2026', '32 Jan 2026', 'yesterday', ''])('"%s" is refused', (text) => {
    expect(connectedDay(text)).toEqual({ code: 'not-a-date', value: text });
  });
});
