// @ts-check
/** @typedef {import('../../src/store/backup').Backup} Backup */
/**
 * A long-kept ledger of `n` invitations as a Lapse backup (format 2, the unnamed account), for the
 * 50,000-record benchmarks. Self-contained (no imports): scripts/bench.mjs sends its source into
 * extension pages, and bench-page.ts imports it. Half the ledger, at most 2,500, is pending and
 * sent within the last six months (LinkedIn caps pending invitations); the rest was accepted or
 * went away long ago, as years of recruiting leave them. Each record's send time is the interval
 * a coarse label gives ("Sent 3 weeks ago"), so many records share one, as real readings make them.
 * @param {number} n
 * @param {number} now
 * @returns {Omit<Backup, 'settings'>} no settings: importing it leaves the extension's alone
 */
export function scaleBackup(n, now) {
  const DAY = 86_400_000;
  const pendingCount = Math.min(Math.floor(n / 2), 2500);
  /** @type {Backup['invitations']} */
  const invitations = [];
  for (let i = 0; i < n; i++) {
    const pending = i < pendingCount;
    const ageDays = pending ? (i * 7) % 175 : 200 + (i % 1500);
    const latest = now - ageDays * DAY;
    const id = `scale-person-${i}`;
    invitations.push({
      account: '',
      id,
      profileUrl: `https://www.linkedin.com/in/${id}/`,
      name: `Person ${String(i).padStart(5, '0')}`,
      headline: i % 3 ? `Engineer at Company ${i % 97}` : null,
      sentLabel: 'Sent 1 week ago',
      sent: { earliest: latest - 7 * DAY, latest },
      conflicts: [],
      firstSeenAt: latest,
      lastSeenAt: pending ? now - DAY : latest + 10 * DAY,
      status: pending ? 'pending' : i % 2 ? 'accepted' : 'gone',
      statusChangedAt: pending ? latest : latest + 20 * DAY,
      statusSetBy: 'scan',
      hidden: false,
      note: null,
      inviteMessage: null,
    });
  }
  return { format: 'lapse-backup', version: 2, exportedAt: now, account: '', invitations, readings: [] };
}
