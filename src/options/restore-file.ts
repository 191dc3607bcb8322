import { type ImportReport, type PageMessage, type PageReplies, RESTORE_BATCH_MAX_CHARS } from '../model/messages';
import type { MessageOf } from '../model/protocol';
import { type BackupList, type BackupPiece, BackupScanner, BackupSyntaxError } from '../shared/backup-scanner';
import { errorMessage } from '../shared/reply';
import { problemText } from '../shared/ui/problem-text';
import { BACKUP_FORMAT, BACKUP_VERSION, type Envelope, parseEnvelope } from '../store/read';

/**
 * Restores a backup file of any size: read in chunks (never whole), checked to the end before
 * anything is written, then sent to the worker in bounded batches of rows, each merged there in
 * one transaction. The merge only adds what the ledger did not know and is idempotent, so a
 * restore stopped half way (cancelled, the worker gone) has lost nothing, says how far it got,
 * and restoring the same file again finishes it.
 */

/** Bytes read from the file at a time. */
export const READ_CHUNK_BYTES = 1024 * 1024;
/** A batch is sent once its rows reach this much text (well under RESTORE_BATCH_MAX_CHARS)… */
export const BATCH_CHARS = 4 * 1024 * 1024;
/** …or this many rows: one transaction of the worker's each. */
export const BATCH_ROWS = 2000;

/** Why a file is refused before anything is restored. */
export type FileProblem = 'not-json' | 'truncated' | 'not-backup' | 'newer-version';

export class RestoreFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface RestoreProgress {
  phase: 'checking' | 'restoring';
  /** Bytes checked (checking), or rows merged (restoring). */
  done: number;
  total: number;
}

export interface RestoreOutcome {
  report: ImportReport;
  /** Rows in the file (both lists), and how many of them were merged (or refused). */
  rows: number;
  merged: number;
  /** Null when the whole file was merged; else why it stopped (what was merged stays merged). */
  stopped: null | { reason: 'cancelled' } | { reason: 'failed'; message: string };
}

/** sendToBackground, or its stand-in in tests. */
type Send = <K extends PageMessage['type']>(message: MessageOf<PageMessage, K>) => Promise<PageReplies[K]>;

export interface RestoreOptions {
  send: Send;
  into?: string;
  signal?: AbortSignal;
  onProgress?: (progress: RestoreProgress) => void;
  chunkBytes?: number;
  batchChars?: number;
  batchRows?: number;
}

/** Reads `file` chunk by chunk through the scanner; `onPieces` sees the pieces of each chunk. */
async function scanFile(
  file: Blob,
  chunkBytes: number,
  signal: AbortSignal | undefined,
  onPieces: (pieces: BackupPiece[], bytesRead: number) => void | Promise<void>,
): Promise<void> {
  const scanner = new BackupScanner();
  // fatal: bytes that are not UTF-8 are a damaged file, not text to guess at.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      signal?.throwIfAborted();
      const end = Math.min(offset + chunkBytes, file.size);
      const text = decoder.decode(await file.slice(offset, end).arrayBuffer(), { stream: end < file.size });
      await onPieces(scanner.push(text), end);
    }
    await onPieces(scanner.push(decoder.decode()), file.size);
    scanner.end();
  } catch (error) {
    if (error instanceof BackupSyntaxError) throw new RestoreFileError(error.reason, error.message);
    if (error instanceof TypeError) throw new RestoreFileError('not-json', 'The file is not UTF-8 text');
    throw error;
  }
}

export interface CheckedFile {
  envelope: Envelope;
  header: Record<string, unknown>;
  rows: Record<BackupList, number>;
}

/** The backup's fields but its lists, and a note of which lists it has. */
function envelopeOf(fields: Record<string, unknown>, lists: ReadonlySet<BackupList>): Envelope {
  try {
    return parseEnvelope({ ...fields, ...Object.fromEntries([...lists].map((list) => [list, []])) });
  } catch (error) {
    const message = errorMessage(error);
    throw new RestoreFileError(/newer version/.test(message) ? 'newer-version' : 'not-backup', message);
  }
}

/** A file that names another format, or a newer version, is refused before it is read on. */
function refuseEarly(header: Record<string, unknown>): void {
  if ('format' in header && header.format !== BACKUP_FORMAT) {
    throw new RestoreFileError('not-backup', 'Not a Lapse backup (format)');
  }
  if (typeof header.version === 'number' && header.version > BACKUP_VERSION) {
    throw new RestoreFileError('newer-version', `Made by a newer version of Lapse (format ${header.version})`);
  }
}

/**
 * The first pass: every row must be JSON and the file a whole Lapse backup of a version this
 * Lapse reads, or nothing is restored. A file that says it is something else is refused as soon
 * as it says so. Rows are not checked against the schema here: the worker does, row by row.
 */
export async function checkBackupFile(
  file: Blob,
  { signal, onProgress, chunkBytes = READ_CHUNK_BYTES }: Pick<RestoreOptions, 'signal' | 'onProgress' | 'chunkBytes'>,
): Promise<CheckedFile> {
  const header: Record<string, unknown> = {};
  const lists = new Set<BackupList>();
  const rows: Record<BackupList, number> = { invitations: 0, readings: 0 };
  await scanFile(file, chunkBytes, signal, (pieces, bytesRead) => {
    for (const piece of pieces) {
      if (piece.kind === 'field') {
        header[piece.key] = piece.value;
        refuseEarly(header);
      } else if (piece.kind === 'list') lists.add(piece.list);
      else {
        try {
          JSON.parse(piece.text);
        } catch {
          throw new RestoreFileError('not-json', `${piece.list} ${piece.index + 1} is not JSON`);
        }
        rows[piece.list]++;
      }
    }
    onProgress?.({ phase: 'checking', done: bytesRead, total: file.size });
  });
  return { envelope: envelopeOf(header, lists), header, rows };
}

/** Rows of one list waiting to be sent, as JSON text. */
interface Batch {
  list: BackupList;
  first: number;
  texts: string[];
  chars: number;
}

type RowPiece = Extract<BackupPiece, { kind: 'row' }>;

const emptyReport = (): ImportReport => ({ imported: 0, unchanged: 0, rejected: [] });

/** Sends batches to the worker, one in flight at a time, and adds up what it merged. */
function batchSender(
  send: Send,
  { header, into }: { header: Record<string, unknown>; into: string | undefined },
  total: number,
  onProgress: RestoreOptions['onProgress'],
) {
  const report = emptyReport();
  let merged = 0;
  let inFlight: Promise<void> = Promise.resolve();

  const sendBatch = async (batch: Batch) => {
    const message = {
      type: 'restore-batch' as const,
      header,
      into,
      list: batch.list,
      first: batch.first,
      rows: `[${batch.texts.join(',')}]`,
    };
    // A worker stopped mid-batch rolled that batch back: sending it again is safe.
    const reply = await send(message).catch(() => send(message));
    report.imported += reply.imported;
    report.unchanged += reply.unchanged;
    report.rejected.push(...reply.rejected);
    merged += batch.texts.length;
    onProgress?.({ phase: 'restoring', done: merged, total });
  };

  return {
    report,
    get merged() {
      return merged;
    },
    /** A row too large for any batch is refused here, not sent; it counts as merged. */
    refuse(row: RowPiece) {
      report.rejected.push({ index: row.index, reason: `${row.list}: too large to be a Lapse entry` });
      merged++;
    },
    // One batch in flight while the next is read: the page reads while the worker merges.
    async flush(batch: Batch | null) {
      await inFlight;
      if (batch && batch.texts.length > 0) inFlight = sendBatch(batch);
    },
    /** The batch in flight, if any. */
    settled: () => inFlight,
  };
}

type BatchSender = ReturnType<typeof batchSender>;

/** How the second pass reads the file, and how large its batches may grow. */
interface RowPass {
  signal: AbortSignal | undefined;
  chunkBytes: number;
  batchChars: number;
  batchRows: number;
}

/** The second pass: the file's rows, gathered into batches of one list, bounded in rows and text. */
async function sendRows(
  file: Blob,
  sender: BatchSender,
  { signal, chunkBytes, batchChars, batchRows }: RowPass,
): Promise<void> {
  let batch: Batch | null = null;
  await scanFile(file, chunkBytes, signal, async (pieces) => {
    for (const piece of pieces) {
      if (piece.kind !== 'row') continue;
      if (piece.text.length > RESTORE_BATCH_MAX_CHARS) {
        sender.refuse(piece);
        continue;
      }
      const full = batch && (batch.chars + piece.text.length > batchChars || batch.texts.length >= batchRows);
      if (!batch || batch.list !== piece.list || full) {
        await sender.flush(batch);
        batch = { list: piece.list, first: piece.index, texts: [], chars: 0 };
      }
      batch.texts.push(piece.text);
      batch.chars += piece.text.length + 1;
    }
  });
  await sender.flush(batch);
  await sender.settled();
}

/**
 * Restores `file`: checks it whole (throws RestoreFileError, nothing written), then merges it
 * batch by batch. Cancelling or a worker that fails twice on a batch stops it between batches;
 * the outcome then says so, with what was merged until then.
 */
export async function restoreFile(file: Blob, options: RestoreOptions): Promise<RestoreOutcome> {
  const { send, into, signal, onProgress, chunkBytes = READ_CHUNK_BYTES } = options;
  const { batchChars = BATCH_CHARS, batchRows = BATCH_ROWS } = options;
  let checked: CheckedFile;
  try {
    checked = await checkBackupFile(file, { signal, onProgress, chunkBytes });
  } catch (error) {
    if (!signal?.aborted) throw error;
    return { report: emptyReport(), rows: 0, merged: 0, stopped: { reason: 'cancelled' } };
  }
  const total = checked.rows.invitations + checked.rows.readings;
  const sender = batchSender(send, { header: checked.header, into }, total, onProgress);

  onProgress?.({ phase: 'restoring', done: 0, total });
  try {
    await sendRows(file, sender, { signal, chunkBytes, batchChars, batchRows });
    await send({ type: 'restore-finish', settings: checked.envelope.settings });
    return { report: sender.report, rows: total, merged: sender.merged, stopped: null };
  } catch (error) {
    await sender.settled().catch(() => {});
    // What was merged is in: the pages (and the badge) must show it. Settings stay as they are.
    await send({ type: 'restore-finish', settings: undefined }).catch(() => {});
    const stopped = signal?.aborted
      ? ({ reason: 'cancelled' } as const)
      : ({ reason: 'failed', message: problemText(error) } as const);
    return { report: sender.report, rows: total, merged: sender.merged, stopped };
  }
}
