import { unzipSync } from 'fflate';
import type {
  ExportedConnection,
  ExportedInvitation,
  ExportSkipReason,
  LinkedInExport,
} from '../model/linkedin-export';
import { CONNECTION_COLUMNS, parseConnections } from './connections';
import { ExportFileError } from './errors';
import { INVITATION_COLUMNS, type Inviters, parseInvitations } from './invitations';
import { findHeader, readTable } from './table';

/** A file the user chose: its name and its bytes. */
export interface ChosenFile {
  name: string;
  bytes: Uint8Array;
}

/** The files of LinkedIn's archive that Lapse reads; the archive holds many others. */
const WANTED_IN_ARCHIVE = /(^|\/)(invitations|connections)\.csv$/i;
/** Larger than any real export file; a bigger one is refused instead of filling memory. */
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const MEGABYTE = 1024 * 1024;

/** Invitations.csv and Connections.csv out of the archive, wherever they sit in it. */
function filesInArchive(file: ChosenFile): ChosenFile[] {
  let entries: Record<string, Uint8Array>;
  const oversized: { name: string; size: number }[] = [];
  try {
    entries = unzipSync(file.bytes, {
      filter: (entry) => {
        if (!WANTED_IN_ARCHIVE.test(entry.name)) return false;
        if (entry.originalSize <= MAX_UNZIPPED_BYTES) return true;
        oversized.push({ name: entry.name, size: entry.originalSize });
        return false;
      },
    });
  } catch {
    throw new ExportFileError(file.name, null, { code: 'not-zip' });
  }
  const tooBig = oversized[0];
  if (tooBig) {
    // Said as it is: the file is there, but larger than Lapse reads (not "missing").
    throw new ExportFileError(`${file.name} › ${tooBig.name}`, null, {
      code: 'too-big',
      megabytes: Math.ceil(tooBig.size / MEGABYTE),
      maxMegabytes: MAX_UNZIPPED_BYTES / MEGABYTE,
    });
  }
  const found = Object.entries(entries).map(([name, bytes]) => ({ name: `${file.name} › ${name}`, bytes }));
  if (found.length === 0) {
    throw new ExportFileError(file.name, null, { code: 'no-csv' });
  }
  return found;
}

function decode(file: ChosenFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    throw new ExportFileError(file.name, null, { code: 'not-utf8' });
  }
}

type OneFile =
  | { kind: 'invitations'; rows: ExportedInvitation[]; skipped: Map<ExportSkipReason, number>; inviters: Inviters }
  | { kind: 'connections'; rows: ExportedConnection[]; skipped: Map<ExportSkipReason, number> };

/** Which export file this is, told by its header (not its name), and its rows. */
export function readExportCsv(name: string, text: string): OneFile {
  const table = readTable(name, text);
  const invitations = findHeader(table, INVITATION_COLUMNS);
  if (invitations) return { kind: 'invitations', ...parseInvitations(table, invitations) };
  const connections = findHeader(table, CONNECTION_COLUMNS);
  if (connections) return { kind: 'connections', ...parseConnections(table, connections) };
  throw new ExportFileError(name, null, {
    code: 'not-export',
    invitationColumns: INVITATION_COLUMNS,
    connectionColumns: CONNECTION_COLUMNS,
  });
}

/** One by one: spreading rows into push() overflows the call stack past ~125,000 of them. */
function appendAll<T>(into: T[], rows: readonly T[]): void {
  for (const row of rows) into.push(row);
}

/**
 * Reads every chosen file (CSV files and whole archives) and checks all of them before anything
 * is imported: the first problem throws an ExportFileError and nothing is returned.
 */
export function readExport(files: readonly ChosenFile[]): LinkedInExport {
  const result: LinkedInExport = { invitations: [], connections: [], skipped: [] };
  const skipped = new Map<ExportSkipReason, number>();
  const inviters: Inviters = new Map();
  const csvFiles = files.flatMap((file) => (isZip(file.bytes) ? filesInArchive(file) : [file]));
  for (const file of csvFiles) {
    const read = readExportCsv(file.name, decode(file));
    if (read.kind === 'invitations') {
      appendAll(result.invitations, read.rows);
      for (const [slug, count] of read.inviters) inviters.set(slug, (inviters.get(slug) ?? 0) + count);
    } else appendAll(result.connections, read.rows);
    for (const [reason, count] of read.skipped) skipped.set(reason, (skipped.get(reason) ?? 0) + count);
  }
  result.skipped = [...skipped].map(([reason, count]) => ({ reason, count }));
  const [account] = [...inviters].sort((a, b) => b[1] - a[1])[0] ?? [null];
  return { ...result, account };
}
