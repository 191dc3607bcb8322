import { describe, expect, it } from 'vitest';
import { dayStart, dayValue } from '../../../src/popup/follow-up-dates';

describe('the calendar days the follow-up and snooze forms take', () => {
  it.each([
    ['2026-05-22', new Date(2026, 4, 22).getTime()],
    ['2024-02-29', new Date(2024, 1, 29).getTime()],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['2026', null],
    ['2026-05-22T10:00', null],
    ['', null],
  ])('reads %j as the first moment of that local day (or not a day)', (value, expected) => {
    expect(dayStart(value)).toBe(expected);
  });

  it('writes a moment as its local day, which reads back as that day', () => {
    const late = new Date(2026, 4, 22, 23, 59).getTime();
    expect(dayValue(late)).toBe('2026-05-22');
    expect(dayStart(dayValue(late))).toBe(new Date(2026, 4, 22).getTime());
  });
});
