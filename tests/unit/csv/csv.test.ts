import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/rules';
import { CSV_COLUMNS, csvFileName, csvRows, toCsv } from '../../../src/shared/csv';
import { fixedSettings } from '../../support/settings';
import { DAY, NOW, record } from '../popup/records';
import { HOSTILE as LEDGER_HOSTILE } from './large-ledger';

// The large ledger's hostile texts, and two more that only need to round-trip.
const HOSTILE = [...LEDGER_HOSTILE, '<img src=x onerror=alert(1)>', 'Smith, John'];

/** Parses an exported file back the way a careful reader would: BOM, header, CRLF. */
function parseBack(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), {
    header: true,
    newline: '\r\n',
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
  return parsed.data;
}

/** The neutralised form: a leading apostrophe before anything a spreadsheet could run. */
function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

describe('toCsv', () => {
  it('round-trips hostile names, headlines and notes, neutralising formula-like cells', () => {
    const records = HOSTILE.map((text, i) =>
      record(`Person ${i}`, [30, 31], { name: text, headline: text, note: text }),
    );
    const rows = parseBack(toCsv(records, fixedSettings(), NOW));
    expect(rows).toHaveLength(HOSTILE.length);
    rows.forEach((row, i) => {
      const text = HOSTILE[i]!;
      expect(row.name).toBe(neutralised(text));
      expect(row.headline).toBe(neutralised(text));
      expect(row.note).toBe(neutralised(text));
    });
    // The multi-line formula papaparse's default pattern would let through.
    expect(rows[HOSTILE.indexOf('=1+1\nsecond line')]!.name).toBe("'=1+1\nsecond line");
  });

  it('uses CRLF between records, quotes per RFC 4180, and starts with a UTF-8 BOM', () => {
    const csv = toCsv([record('Smith, "Jo"', [30, 31], { headline: null })], fixedSettings(), NOW);
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv).toContain('"Smith, ""Jo"""');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('fills computed columns from the rules at export time, dates as YYYY-MM-DD, times in UTC', () => {
    const settings = fixedSettings();
    const r = record('Nora Nearing', [170, 172], { firstSeenAt: Date.UTC(2025, 10, 20, 8, 30, 15, 250) });
    const [row] = parseBack(toCsv([r], settings, NOW));
    const a = assess(r, settings, NOW);
    expect(row).toMatchObject({
      name: 'Nora Nearing',
      profile_url: r.profileUrl,
      status: 'pending',
      expiry_status: 'nearing',
      age_days_min: '170',
      age_days_max: '172',
      days_left: String(a.daysLeft),
      suggestion: 'act-now',
      first_seen: '2025-11-20T08:30:15Z',
      sent_earliest: new Date(NOW - 172 * DAY).toISOString().slice(0, 10),
      sent_latest: new Date(NOW - 170 * DAY).toISOString().slice(0, 10),
      expires_earliest: new Date(a.expires!.earliest).toISOString().slice(0, 10),
    });
    for (const column of ['sent_earliest', 'sent_latest', 'expires_earliest', 'expires_latest'] as const) {
      expect(row![column]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('leaves unknown and not-applicable columns blank, and keeps negative days left a number', () => {
    const unknown = record('No Label', null);
    const accepted = record('Alice Accepted', [40, 45], { status: 'accepted' });
    const expired = record('Eve Expired', [200, 210], { lastSeenAt: NOW - 60 * DAY });
    const [u, acc, exp] = parseBack(toCsv([unknown, accepted, expired], fixedSettings(), NOW));
    expect(u).toMatchObject({ sent_earliest: '', age_days_min: '', days_left: '', expiry_status: 'unknown' });
    expect(acc).toMatchObject({ expiry_status: '', days_left: '', status: 'accepted', suggestion: 'thank' });
    expect(exp).toMatchObject({ expiry_status: 'expired', suggestion: 'resend' });
    expect(exp!.days_left).toMatch(/^-\d+$/);
  });

  it('never exports an invitation LinkedIn listed after its window as expired, nor a negative days left', () => {
    // As old as the expired one above, but the Sent page listed it yesterday.
    const listed = record('Still Listed', [200, 210], { lastSeenAt: NOW - DAY });
    const [row] = parseBack(toCsv([listed], fixedSettings(), NOW));
    expect(row).toMatchObject({ status: 'pending', expiry_status: 'past-window', days_left: '' });
    expect(row!.suggestion).toBe('withdraw-reinvite');
  });

  it('keeps the columns users built on, in their order, and appends the new ones after them', () => {
    expect(CSV_COLUMNS.slice(0, 16)).toEqual([
      'name',
      'profile_url',
      'headline',
      'status',
      'expiry_status',
      'sent_earliest',
      'sent_latest',
      'age_days_min',
      'age_days_max',
      'expires_earliest',
      'expires_latest',
      'days_left',
      'first_seen',
      'last_seen',
      'suggestion',
      'note',
    ]);
  });

  it('writes every fact the ledger holds: invitation note, acceptance, exactness, who set the status, hidden, conflicts', () => {
    const day = Date.UTC(2026, 3, 2);
    const exact = record('Ada Accepted', [40, 40], {
      inviteMessage: 'Hi Ada, loved your talk',
      acceptedAt: { earliest: day, latest: day + DAY - 1 },
      sentExact: true,
      status: 'accepted',
      statusSetBy: 'import',
      hidden: true,
      conflicts: [
        {
          at: NOW,
          kept: { earliest: NOW - 41 * DAY, latest: NOW - 40 * DAY },
          rejected: { earliest: NOW - 9 * DAY, latest: NOW - 8 * DAY },
        },
      ],
    });
    const estimated = record('Bob Label', [30, 31], { acceptedAt: { earliest: day, latest: day + 9 * DAY } });
    const unknown = record('Cy Unknown', null, { statusSetBy: 'user', status: 'withdrawn' });
    const [a, b, c] = parseBack(toCsv([exact, estimated, unknown], fixedSettings(), NOW));
    expect(a).toMatchObject({
      invite_message: 'Hi Ada, loved your talk',
      accepted_earliest: '2026-04-02',
      accepted_latest: '2026-04-02',
      sent_exactness: 'exact',
      status_set_by: 'import',
      hidden: 'true',
      conflicts: '1',
    });
    expect(b).toMatchObject({
      invite_message: '',
      accepted_earliest: '2026-04-02',
      accepted_latest: '2026-04-11',
      sent_exactness: 'estimated',
      status_set_by: 'scan',
      hidden: 'false',
      conflicts: '0',
    });
    expect(c).toMatchObject({ accepted_earliest: '', sent_exactness: '', status_set_by: 'user' });
  });

  it('neutralises formulas in the invitation note too', () => {
    const rows = parseBack(
      toCsv(
        HOSTILE.map((text, i) => record(`P ${i}`, [30, 31], { inviteMessage: text })),
        fixedSettings(),
        NOW,
      ),
    );
    rows.forEach((row, i) => {
      expect(row.invite_message).toBe(neutralised(HOSTILE[i]!));
    });
  });

  it('writes just the header for an empty ledger', () => {
    expect(toCsv([], fixedSettings(), NOW)).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('round-trips any name (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }),
        fc.option(fc.string()),
        (name, headline) => {
          const [row] = parseBack(toCsv([record('x', [30, 31], { name, headline })], fixedSettings(), NOW));
          expect(row!.name).toBe(neutralised(name));
          expect(row!.headline).toBe(neutralised(headline ?? ''));
        },
      ),
    );
  });

  it('writes the same bytes as earlier versions, which wrote rows with Papa.unparse (property)', () => {
    const tricky = fc.constantFrom(' ', ',', '"', '\r', '\n', '\uFEFF', '=', '+', '-', '@', '\t', 'a', 'é', '😀');
    const text = fc.string({ unit: fc.oneof(tricky, fc.string({ minLength: 1, maxLength: 1 })), maxLength: 12 });
    fc.assert(
      fc.property(
        text.filter((name) => name.length > 0),
        fc.option(text),
        text,
        (name, headline, note) => {
          const records = [record('x', [30, 31], { name, headline, note: note || null })];
          const rows = records.map(csvRows(fixedSettings(), NOW, 'ada'));
          const papa = Papa.unparse(
            { fields: [...CSV_COLUMNS], data: rows },
            { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/, header: false },
          );
          expect(toCsv(records, fixedSettings(), NOW, 'ada')).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n${papa}\r\n`);
        },
      ),
    );
  });
});

describe('csvFileName', () => {
  it('is lapse-invitations-YYYY-MM-DD.csv', () => {
    expect(csvFileName(NOW)).toMatch(/^lapse-invitations-2026-05-1[45]\.csv$/);
  });
});

describe('follow-ups and snooze in the CSV', () => {
  it('carries each follow-up’s time, channel and template, the last one, the count and the snooze', () => {
    const r = record('Fred Followup', [40, 45], {
      followUps: [
        { at: Date.UTC(2026, 4, 1, 9, 30), channel: 'email', template: 'follow-up' },
        { at: Date.UTC(2026, 4, 12, 12) },
        { at: Date.UTC(2026, 4, 14, 17, 5, 9), channel: 'in-person' },
      ],
      snoozedUntil: Date.UTC(2026, 4, 20, 22),
    });
    const [row] = parseBack(toCsv([r], fixedSettings(), NOW));
    expect(row).toMatchObject({
      follow_up_count: '3',
      follow_up_last: '2026-05-14T17:05:09Z',
      follow_up_times: '2026-05-01T09:30:00Z;2026-05-12T12:00:00Z;2026-05-14T17:05:09Z',
      follow_up_channels: 'email;;in-person',
      follow_up_templates: 'follow-up;;',
      snoozed_until: '2026-05-20T22:00:00Z',
      // Two follow-ups, the last one a day ago: still waiting for a reply.
      suggestion: 'awaiting-reply',
    });
  });

  it('a record with no log and no snooze has the count 0 and blank cells', () => {
    const [row] = parseBack(toCsv([record('Nora Nearing', [170, 172])], fixedSettings(), NOW));
    expect(row).toMatchObject({
      follow_up_count: '0',
      follow_up_last: '',
      follow_up_times: '',
      follow_up_channels: '',
      follow_up_templates: '',
      snoozed_until: '',
      suggestion: 'act-now',
    });
  });
});
