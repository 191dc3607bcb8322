import { describe, expect, it } from 'vitest';
import { type BackupPiece, BackupScanner, BackupSyntaxError } from '../../../src/shared/backup-scanner';

/** Feeds `text` to a scanner in chunks of `size` characters; returns every piece, the rows parsed. */
function scan(text: string, size: number) {
  const scanner = new BackupScanner();
  const pieces: BackupPiece[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(...scanner.push(text.slice(i, i + size)));
  scanner.end();
  return pieces.map((p) => (p.kind === 'row' ? { ...p, text: JSON.parse(p.text) } : p));
}

// Everything a scanner could trip over inside strings: quotes, backslashes before quotes, brackets.
const tricky = {
  id: 'ada',
  note: 'She said "hi", then \\"no\\" [not a list] {nor an object}, ok: done \\',
  nested: { conflicts: [{ at: 1, kept: [1, 2] }], empty: [], more: {} },
  emoji: 'Zoë 👋 ação',
};
const backup = {
  format: 'lapse-backup',
  version: 2,
  exportedAt: 1700000000000,
  account: '*',
  settings: { badgeWeeks: 4, templates: { a: '[{' } },
  invitations: [tricky, { id: 'bob', note: null }, 'odd row', 42],
  readings: [],
};

function expected(doc: typeof backup) {
  return [
    { kind: 'field', key: 'format', value: 'lapse-backup' },
    { kind: 'field', key: 'version', value: 2 },
    { kind: 'field', key: 'exportedAt', value: 1700000000000 },
    { kind: 'field', key: 'account', value: '*' },
    { kind: 'field', key: 'settings', value: doc.settings },
    { kind: 'list', list: 'invitations' },
    ...doc.invitations.map((text, index) => ({ kind: 'row', list: 'invitations', index, text })),
    { kind: 'list', list: 'readings' },
  ];
}

describe('BackupScanner', () => {
  it('hands out every field and every row, wherever the chunks split the text', () => {
    const text = JSON.stringify(backup);
    for (let size = 1; size <= 40; size++) expect(scan(text, size)).toEqual(expected(backup));
    expect(scan(text, text.length)).toEqual(expected(backup));
  });

  it('reads a pretty-printed file, and lists in any order', () => {
    const { invitations, ...rest } = backup;
    const reordered = { invitations, ...rest };
    const pieces = scan(JSON.stringify(reordered, null, 2), 5);
    expect(pieces.filter((p) => p.kind === 'row').map((p) => p.kind === 'row' && p.text)).toEqual(invitations);
    expect(pieces).toContainEqual({ kind: 'field', key: 'settings', value: backup.settings });
  });

  it('keeps a row split between chunks whole, even inside an escape', () => {
    const text = JSON.stringify(backup);
    const inside = text.indexOf('\\\\\\"no');
    for (const cut of [inside, inside + 1, inside + 2, inside + 3]) {
      const scanner = new BackupScanner();
      const pieces = [...scanner.push(text.slice(0, cut)), ...scanner.push(text.slice(cut))];
      scanner.end();
      const first = pieces.find((p) => p.kind === 'row');
      expect(first && first.kind === 'row' && JSON.parse(first.text)).toEqual(tricky);
    }
  });

  it.each([
    ['a file cut short', JSON.stringify(backup).slice(0, -30), 'truncated'],
    ['an empty file', '', 'not-json'],
    ['a list, not an object', '[1, 2]', 'not-json'],
    ['a CSV file', 'name,profile_url\r\nAda,https://x\r\n', 'not-json'],
    ['text after the end', `${JSON.stringify(backup)} {}`, 'not-json'],
    ['a trailing comma in a list', JSON.stringify(backup).replace('42]', '42,]'), 'not-json'],
    ['a trailing comma in the object', JSON.stringify({ a: 1 }).replace('}', ',}'), 'not-json'],
    ['a broken key', '{"format" x: 1}', 'not-json'],
    ['garbage between rows', JSON.stringify(backup).replace(',"odd row"', ',"odd row" ] ['), 'not-json'],
  ])('refuses %s', (_, text, reason) => {
    let error: unknown;
    try {
      scan(text, 7);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BackupSyntaxError);
    expect((error as BackupSyntaxError).reason).toBe(reason);
  });

  it('does not parse rows itself: a damaged row is handed out as text for its reader to refuse', () => {
    const text = JSON.stringify(backup).replace('"note":null', '"note":nul');
    const rows = new BackupScanner().push(text).filter((p) => p.kind === 'row');
    expect(rows.map((p) => p.kind === 'row' && p.text)).toContain('{"id":"bob","note":nul}');
    expect(() => rows.map((p) => p.kind === 'row' && JSON.parse(p.text))).toThrow();
  });
});
