import type { Backup } from '../../src/store/backup';

/** See scale-ledger.js: a generated ledger of `n` invitations as a backup of the unnamed account. */
export function scaleBackup(n: number, now: number): Backup;
