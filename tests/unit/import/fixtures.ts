import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '../../fixtures/export');

/** A sample file in LinkedIn's export formats, as text. */
export function fixtureText(name: string): string {
  return readFileSync(join(DIR, name), 'utf-8');
}

/** A sample file as the bytes a file input hands over. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DIR, name)));
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;
