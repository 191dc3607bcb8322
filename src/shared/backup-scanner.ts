/**
 * Reads a backup file's JSON text chunk by chunk without ever holding the whole document: the
 * top-level fields one by one, and each row of the two long lists (`invitations`, `readings`) as
 * its own JSON text. Only the structure is followed here (brackets, strings, separators); every
 * piece it hands out is checked by JSON.parse, so a damaged file is caught piece by piece.
 *
 * Hand-written rather than a streaming JSON library: the one tried (@streamparser/json) tokenises
 * every character in JavaScript and took 10 s for a 117 MB backup; here strings are skipped with
 * indexOf and each row is parsed natively.
 */

export const BACKUP_LISTS = ['invitations', 'readings'] as const;
export type BackupList = (typeof BACKUP_LISTS)[number];

export type BackupPiece =
  /** A top-level field other than the two lists, parsed. */
  | { kind: 'field'; key: string; value: unknown }
  /** One row of a list, as the file wrote it; `index` counts from 0 in its list. */
  | { kind: 'row'; list: BackupList; index: number; text: string }
  /** A list has started (so the file has it, even if empty). */
  | { kind: 'list'; list: BackupList };

/** Why a file cannot be read as a backup; `at` is the character where it went wrong. */
export class BackupSyntaxError extends Error {
  constructor(
    readonly reason: 'not-json' | 'truncated',
    readonly at: number,
  ) {
    super(reason === 'truncated' ? 'The file ends before the backup does' : `Not valid JSON near character ${at}`);
  }
}

const STRUCTURE = /["{}[\],:]/g;
const BLANK = /^\s*$/;

/** Where the scanner stands in the document's outer object. */
type Expect = 'document' | 'key' | 'colon' | 'value' | 'after-value' | 'row' | 'after-list' | 'end';

export class BackupScanner {
  private text = '';
  /** Characters already dropped from the front of `text` (for error positions). */
  private dropped = 0;
  private pos = 0;
  /** Start of the piece being read (key, value or row), or of the blank run before a token. */
  private start = 0;
  /** Containers open inside the current piece. */
  private depth = 0;
  private expect: Expect = 'document';
  private key = '';
  private list: BackupList | null = null;
  private rows = 0;
  private fields = 0;
  private inString = false;

  /** Feeds the next chunk of text; returns the pieces it completed, in file order. */
  push(chunk: string): BackupPiece[] {
    this.text = this.text.slice(this.start) + chunk;
    this.dropped += this.start;
    this.pos -= this.start;
    this.start = 0;
    const out: BackupPiece[] = [];
    this.scan(out);
    return out;
  }

  /** The file has ended: throws unless the document was complete. */
  end(): void {
    if (this.expect === 'document') throw this.fail(this.start);
    if (this.expect !== 'end') throw new BackupSyntaxError('truncated', this.dropped + this.text.length);
    if (!BLANK.test(this.text.slice(this.start))) throw this.fail(this.start);
  }

  private fail(at: number): BackupSyntaxError {
    return new BackupSyntaxError('not-json', this.dropped + at);
  }

  private scan(out: BackupPiece[]): void {
    const text = this.text;
    while (this.pos < text.length) {
      if (this.inString) {
        const close = closingQuote(text, this.pos);
        if (close < 0) {
          this.pos = text.length;
          return;
        }
        this.inString = false;
        this.pos = close + 1;
        continue;
      }
      STRUCTURE.lastIndex = this.pos;
      const match = STRUCTURE.exec(text);
      if (!match) {
        this.pos = text.length;
        return;
      }
      const at = match.index;
      this.pos = at + 1;
      this.token(text[at] as string, at, out);
    }
  }

  /** One structural character at `at`, outside any string. */
  private token(char: string, at: number, out: BackupPiece[]): void {
    if (char === '"') {
      this.inString = true;
      return;
    }
    if (this.depth > 0 || this.expect === 'end') {
      this.nested(char, at);
      return;
    }
    switch (this.expect) {
      case 'document':
        this.expectBlank(at);
        if (char !== '{') throw this.fail(at);
        this.next('key', at);
        return;
      case 'key':
        // "{}" closes an empty document; "{…,}" is not JSON.
        if (char === '}' && this.fields === 0 && BLANK.test(this.text.slice(this.start, at))) {
          this.next('end', at);
          return;
        }
        if (char !== ':') throw this.fail(at);
        this.key = this.parse(this.start, at, 'key') as string;
        this.next('value', at);
        return;
      case 'value':
        this.value(char, at, out);
        return;
      case 'row':
        this.row(char, at, out);
        return;
      case 'after-list':
        this.expectBlank(at);
        this.afterValue(char, at);
        return;
      default:
        throw this.fail(at);
    }
  }

  /** Inside a piece: only containers opening and closing matter until it ends. */
  private nested(char: string, at: number): void {
    if (this.expect === 'end') throw this.fail(at);
    if (char === '{' || char === '[') this.depth++;
    else if (char === '}' || char === ']') this.depth--;
    if (this.depth < 0) throw this.fail(at);
  }

  private value(char: string, at: number, out: BackupPiece[]): void {
    const list = BACKUP_LISTS.find((name) => name === this.key);
    if (char === '[' && list && BLANK.test(this.text.slice(this.start, at))) {
      this.list = list;
      this.rows = 0;
      out.push({ kind: 'list', list });
      this.next('row', at);
      return;
    }
    if (char === '{' || char === '[') {
      this.depth = 1;
      return;
    }
    if (char !== ',' && char !== '}') throw this.fail(at);
    out.push({ kind: 'field', key: this.key, value: this.parse(this.start, at, 'value') });
    this.afterValue(char, at);
  }

  private afterValue(char: string, at: number): void {
    this.fields++;
    if (char === ',') this.next('key', at);
    else if (char === '}') this.next('end', at);
    else throw this.fail(at);
  }

  private row(char: string, at: number, out: BackupPiece[]): void {
    if (char === '{' || char === '[') {
      this.depth = 1;
      return;
    }
    if (char !== ',' && char !== ']') throw this.fail(at);
    const text = this.text.slice(this.start, at);
    const empty = BLANK.test(text);
    // "[]" is an empty list; any other empty row ("[,", ",]", ",,") is not JSON.
    if (empty && !(char === ']' && this.rows === 0)) throw this.fail(at);
    if (!empty) {
      out.push({ kind: 'row', list: this.list as BackupList, index: this.rows++, text });
    }
    this.next(char === ',' ? 'row' : 'after-list', at);
  }

  private expectBlank(at: number): void {
    if (!BLANK.test(this.text.slice(this.start, at))) throw this.fail(this.start);
  }

  private parse(from: number, to: number, what: 'key' | 'value'): unknown {
    try {
      const value: unknown = JSON.parse(this.text.slice(from, to));
      if (what === 'key' && typeof value !== 'string') throw new Error('key');
      return value;
    } catch {
      throw this.fail(from);
    }
  }

  private next(expect: Expect, at: number): void {
    this.expect = expect;
    this.start = at + 1;
    this.depth = 0;
  }
}

/** The index of the quote closing a string whose text starts at `from`, or -1 if it has not come yet. */
function closingQuote(text: string, from: number): number {
  let quote = text.indexOf('"', from);
  while (quote >= 0) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}
