import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { ExportFileError } from '../../../src/import/errors';
import { type ChosenFile, readExport, readExportCsv } from '../../../src/import/read-export';
import { exportProblemText } from '../../../src/options/export-problem-text';
import { DAY, fixtureBytes, fixtureText, MINUTE } from './fixtures';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../popup/fake-browser')).browser }));

const HEADER = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl';
const ME = 'https://www.linkedin.com/in/grace-hopper';

function invitationsCsv(...rows: string[]): string {
  return [HEADER, ...rows].join('\n');
}

/** Why `read` refused its file, as the Options page says it (the English catalogue). */
function refusedWith(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    if (error instanceof ExportFileError) return exportProblemText(error);
    throw error;
  }
  throw new Error('expected the file to be refused');
}
const refusal = (name: string, text: string) => refusedWith(() => readExportCsv(name, text));
const archiveRefusal = (files: ChosenFile[]) => refusedWith(() => readExport(files));

describe("Invitations.csv from LinkedIn's export", () => {
  it('reads outgoing invitations with their exact minute and message; incoming and e-mail ones are skipped', () => {
    const read = readExportCsv('Invitations.csv', fixtureText('Invitations.csv'));
    expect(read.kind).toBe('invitations');
    expect(read.rows).toEqual([
      {
        row: 2,
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
        name: 'Ada Lovelace',
        sent: { earliest: Date.UTC(2026, 2, 5, 1, 45), latest: Date.UTC(2026, 2, 5, 1, 45) + MINUTE - 1 },
        // Quoted comma, emoji and a line break inside the message, CRLF kept as written.
        message: 'Hi Ada, loved your talk on engines 🚂\r\nWould be great to connect.',
      },
      {
        row: 3,
        profileUrl: 'https://www.linkedin.com/in/Bob-Smith-1a2b3c/',
        name: 'Bob Smith',
        sent: { earliest: Date.UTC(2026, 1, 28, 23, 2), latest: Date.UTC(2026, 1, 28, 23, 2) + MINUTE - 1 },
        message: null,
      },
      {
        row: 5,
        profileUrl: 'https://www.linkedin.com/in/zoë-ærø/',
        name: 'Zoë Ærø 🌟',
        sent: { earliest: Date.UTC(2026, 0, 15, 12, 5), latest: Date.UTC(2026, 0, 15, 12, 5) + MINUTE - 1 },
        message: 'Bonjour Zoë — ça va ?',
      },
    ]);
    expect(Object.fromEntries(read.skipped)).toEqual({ incoming: 1, 'no-profile': 1 });
  });

  it('reads a day-first, 24-hour file when one of its rows proves the order', () => {
    const read = readExportCsv('Invitations.csv', fixtureText('Invitations-day-first.csv'));
    expect(read.kind).toBe('invitations');
    expect(read.rows.map((r) => ('sent' in r ? r.sent.earliest : null))).toEqual([
      Date.UTC(2026, 2, 5, 1, 45),
      Date.UTC(2026, 2, 13, 18, 20),
    ]);
  });

  it.each([
    [
      'a day/month order nothing proves',
      fixtureText('Invitations-ambiguous.csv'),
      'Invitations.csv, row 2: the dates could be day/month or month/day and no row tells which (LinkedIn writes them like 3/5/26, 1:45 AM).',
    ],
    [
      'an unreadable date',
      invitationsCsv(
        `A,B,"3/5/26, 1:45 AM",,OUTGOING,${ME},https://www.linkedin.com/in/b`,
        `A,C,5 March,,OUTGOING,${ME},https://www.linkedin.com/in/c`,
      ),
      'Invitations.csv, row 3: “Sent At”: “5 March” is not a date Lapse can read (expected a date like 3/5/26, 1:45 AM).',
    ],
    [
      'a row with a field too many (an unquoted comma)',
      invitationsCsv(`A,B,3/5/26, 1:45 AM,,OUTGOING,${ME},https://www.linkedin.com/in/b`),
      'Invitations.csv, row 2: expected 7 fields like the header, found 8 (a comma or quote out of place?).',
    ],
    [
      'an unclosed quote',
      invitationsCsv(
        `A,B,"3/5/26, 1:45 AM",,OUTGOING,${ME},https://www.linkedin.com/in/b`,
        `A,C,"3/5/26, 1:45 AM","Hi there,OUTGOING,${ME},https://www.linkedin.com/in/c`,
      ),
      'Invitations.csv, row 3: a quoted field is not closed, so the rest cannot be read.',
    ],
    [
      'an unknown direction',
      invitationsCsv(`A,B,"3/5/26, 1:45 AM",,SIDEWAYS,${ME},https://www.linkedin.com/in/b`),
      'Invitations.csv, row 2: “Direction” is “SIDEWAYS”; expected OUTGOING or INCOMING.',
    ],
  ])('refuses the whole file for %s, naming the row', (_case, text, message) => {
    expect(refusal('Invitations.csv', text)).toBe(message);
  });

  it('counts rows as a spreadsheet does: a message with line breaks is one row', () => {
    const text = invitationsCsv(
      `A,B,"3/5/26, 1:45 AM","one\ntwo\nthree",OUTGOING,${ME},https://www.linkedin.com/in/b`,
      `A,C,"3/5/26, 1:45 XM",,OUTGOING,${ME},https://www.linkedin.com/in/c`,
    );
    expect(refusal('Invitations.csv', text)).toMatch(/^Invitations\.csv, row 3: /);
  });
});

describe("Connections.csv from LinkedIn's export", () => {
  it('finds the header under the notes and reads each connection as a whole UTC day', () => {
    const read = readExportCsv('Connections.csv', fixtureText('Connections.csv'));
    expect(read.kind).toBe('connections');
    expect(read.rows).toEqual([
      {
        row: 5,
        profileUrl: 'https://www.linkedin.com/in/ada-lovelace/',
        name: 'Ada Lovelace',
        connected: { earliest: Date.UTC(2026, 2, 7), latest: Date.UTC(2026, 2, 7) + DAY - 1 },
      },
      {
        row: 6,
        profileUrl: 'https://www.linkedin.com/in/linus/',
        name: 'Linus Torvalds',
        connected: { earliest: Date.UTC(2026, 2, 2), latest: Date.UTC(2026, 2, 2) + DAY - 1 },
      },
    ]);
    expect(Object.fromEntries(read.skipped)).toEqual({ 'no-profile': 1 });
  });

  it("refuses another language's month names, naming the row", () => {
    expect(refusal('Connections.csv', fixtureText('Connections-french.csv'))).toBe(
      'Connections.csv, row 3: “Connected On”: “07 mars 2026” is not a date Lapse can read (expected a date like 05 Mar 2026).',
    );
  });
});

describe('files that are not the export', () => {
  it.each([
    ['an unrelated CSV', fixtureText('bank-statement.csv')],
    ['an empty file', ''],
    ['prose', 'Dear diary,\nToday I sent many invitations.'],
  ])('%s is refused naming what was expected', (_case, text) => {
    expect(refusal('mystery.csv', text)).toBe(
      "mystery.csv: this is not Invitations.csv or Connections.csv from LinkedIn's data export: expected a header row with From, To, Sent At, Message, Direction, inviterProfileUrl, and inviteeProfileUrl or with First Name, Last Name, URL, and Connected On.",
    );
  });

  it('refuses binary garbage as not a text file', () => {
    const garbage = new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x13, 0x37, 0xc3, 0x28]);
    expect(archiveRefusal([{ name: 'photo.csv', bytes: garbage }])).toBe(
      'photo.csv: this is not a text file (CSV files from LinkedIn are UTF-8 text).',
    );
  });
});

describe('the whole archive', () => {
  const archive = () =>
    zipSync({
      'Basic_LinkedInDataExport_03-08-2026/Invitations.csv': fixtureBytes('Invitations.csv'),
      'Basic_LinkedInDataExport_03-08-2026/Connections.csv': fixtureBytes('Connections.csv'),
      'Basic_LinkedInDataExport_03-08-2026/Profile.csv': strToU8('First Name,Last Name\nGrace,Hopper\n'),
      'Basic_LinkedInDataExport_03-08-2026/messages.csv': strToU8('not,our,business\n'),
    });

  it('reads Invitations.csv and Connections.csv from a subfolder and ignores the other files', () => {
    const data = readExport([{ name: 'Basic_LinkedInDataExport.zip', bytes: archive() }]);
    expect(data.invitations.map((i) => i.name)).toEqual(['Ada Lovelace', 'Bob Smith', 'Zoë Ærø 🌟']);
    expect(data.connections.map((c) => c.name)).toEqual(['Ada Lovelace', 'Linus Torvalds']);
    expect(data.skipped).toEqual(
      expect.arrayContaining([
        { reason: 'incoming', count: 1 },
        { reason: 'no-profile', count: 2 },
      ]),
    );
  });

  it('refuses an archive without either file, and a damaged one', () => {
    const other = zipSync({ 'Profile.csv': strToU8('First Name\nGrace\n') });
    expect(archiveRefusal([{ name: 'other.zip', bytes: other }])).toBe(
      'other.zip: this archive has no Invitations.csv or Connections.csv.',
    );
    const damaged = archive().slice(0, 200);
    expect(archiveRefusal([{ name: 'cut.zip', bytes: damaged }])).toBe(
      'cut.zip: this archive is damaged or not a .zip file.',
    );
  });

  it('refuses everything when one of several files is bad: nothing is returned', () => {
    expect(
      archiveRefusal([
        { name: 'Invitations.csv', bytes: fixtureBytes('Invitations.csv') },
        { name: 'Connections.csv', bytes: fixtureBytes('Connections-french.csv') },
      ]),
    ).toMatch(/^Connections\.csv, row 3: /);
  });

  it('names the file inside the archive that is bad', () => {
    const bad = zipSync({ 'export/Connections.csv': fixtureBytes('Connections-french.csv') });
    expect(archiveRefusal([{ name: 'export.zip', bytes: bad }])).toMatch(
      /^export\.zip › export\/Connections\.csv, row 3: “Connected On”/,
    );
  });
});

/** The archive with its central directory claiming each entry unzips to `size` bytes. */
function claimingSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return bytes;
}

describe('bounded input (issue 15, finding 9)', () => {
  it('says an archive entry is too large instead of saying there is no Invitations.csv', () => {
    const zip = claimingSize(zipSync({ 'export/Invitations.csv': fixtureBytes('Invitations.csv') }), 150 * 1024 * 1024);
    expect(archiveRefusal([{ name: 'big.zip', bytes: zip }])).toBe(
      'big.zip › export/Invitations.csv: this file is 150 MB unzipped, more than the 100 MB Lapse reads.',
    );
  });

  it('reads an export of 130,000 invitations (no spread of a file’s rows into one call)', () => {
    const rows = Array.from(
      { length: 130_000 },
      (_, i) => `Grace Hopper,Person ${i},"3/5/26, 1:45 AM",,OUTGOING,${ME},https://www.linkedin.com/in/person-${i}`,
    );
    const text = `${HEADER}\n${rows.join('\n')}`;
    const data = readExport([{ name: 'Invitations.csv', bytes: new TextEncoder().encode(text) }]);
    expect(data.invitations).toHaveLength(130_000);
    expect(data.invitations.at(-1)?.name).toBe('Person 129999');
    // A large file on purpose: a second or two alone, more on a busy machine.
  }, 30_000);

  it('refuses a date before 2003 or a moment the ledger could not hold, naming the row', () => {
    expect(
      refusal(
        'Invitations.csv',
        invitationsCsv(`Grace Hopper,Ada,1999-03-05 01:45,,OUTGOING,${ME},https://www.linkedin.com/in/ada`),
      ),
    ).toBe('Invitations.csv, row 2: “Sent At”: “1999-03-05 01:45” is outside the years 2003 to 9999.');
  });
});
