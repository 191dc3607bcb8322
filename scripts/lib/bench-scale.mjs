// @ts-check
/**
 * The extension at scale, for scripts/bench.mjs: a ledger of `n` invitations loaded through the
 * worker's own import, then the round trip of one edit next to a raw IndexedDB put of one record
 * (same page, by turns), and the popup's JS heap once it has settled. Runs over the bare DevTools
 * pipe (cdp-pipe.mjs): sessions attach only to read figures the page measured itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { median } from './bench-tools.mjs';
import { ROOT, waitFor } from './browser.mjs';
import { callIn, evaluateIn, sleep } from './cdp-pipe.mjs';

/** @typedef {import('./cdp-pipe.mjs').PipeBrowser} PipeBrowser */

/** scale-ledger.js as a plain function declaration, to be sent into an extension page. */
const GENERATOR = readFileSync(join(ROOT, 'bench/entries/scale-ledger.js'), 'utf8').replace(
  'export function scaleBackup',
  'function scaleBackup',
);

/**
 * The replies of the two evaluations below that run GENERATOR's source, checked as they come back
 * (their code is a string, so nothing types it).
 */
const ImportReply = z.union([
  z.object({ ok: z.literal(true), value: z.object({ imported: z.number() }) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
const EditTimes = z.object({ edit: z.number(), put: z.number() });

/**
 * An extension page the worker answers (it takes messages from its own pages only).
 * @param {PipeBrowser} pipe
 */
export async function openExtensionPage(pipe) {
  const { targetId } = await pipe.cdp.send('Target.createTarget', { url: pipe.url('manifest.json') });
  await waitFor('the extension page to load', () =>
    callIn(pipe.cdp, targetId, () => location.protocol === 'chrome-extension:' && document.readyState === 'complete'),
  );
  return targetId;
}

/**
 * Empties the ledger, then imports a generated ledger of `n` through the worker.
 * @param {PipeBrowser} pipe
 * @param {string} targetId an extension page (openExtensionPage)
 * @param {number} n
 */
export async function loadScaleLedger(pipe, targetId, n) {
  const reply = await evaluateIn(
    pipe.cdp,
    targetId,
    `(async () => {
      ${GENERATOR}
      const deleted = await chrome.runtime.sendMessage({ type: 'delete-all' });
      if (!deleted?.ok) return deleted;
      return chrome.runtime.sendMessage({ type: 'import-backup', backup: scaleBackup(${n}, Date.now()) });
    })()`,
  ).then((value) => ImportReply.parse(value));
  if (!reply.ok) throw new Error(`import-backup: ${reply.error}`);
  if (reply.value.imported !== n) throw new Error(`the extension imported ${reply.value.imported} of ${n}`);
}

/**
 * `runs` edits of one pending record (note, hide, show, accept, back to pending, in turn), sent as
 * the popup sends them (addressed to the ledger it shows), each timed from sending the message to
 * its reply, by turns with the least an edit can do: the same record read and written back raw,
 * in one transaction, in the ledger's own store (its indexes, its size). Medians of both, in ms.
 * @param {PipeBrowser} pipe
 * @param {string} targetId an extension page holding a ledger (loadScaleLedger)
 * @param {number} runs
 * @param {string} dbName the ledger's database (src/store/schema.ts DB_NAME)
 */
export async function editRoundTrips(pipe, targetId, runs, dbName) {
  const times = await evaluateIn(
    pipe.cdp,
    targetId,
    `(async () => {
      ${GENERATOR}
      const { id, account } = scaleBackup(1, Date.now()).invitations[0];
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(${JSON.stringify(dbName)});
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const rawReadWrite = () => new Promise((resolve, reject) => {
        const tx = db.transaction('invitations', 'readwrite');
        const store = tx.objectStore('invitations');
        const read = store.get([account, id]);
        read.onsuccess = () => store.put(read.result);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      const edits = [
        (i) => ({ type: 'set-note', id, note: 'note ' + i, account }),
        () => ({ type: 'set-hidden', id, hidden: true, account }),
        () => ({ type: 'set-hidden', id, hidden: false, account }),
        () => ({ type: 'set-status', id, status: 'accepted', account }),
        () => ({ type: 'set-status', id, status: 'pending', account }),
      ];
      const edit = [];
      const put = [];
      for (let i = 0; i <= ${runs}; i++) {
        let start = performance.now();
        const reply = await chrome.runtime.sendMessage(edits[i % edits.length](i));
        if (!reply?.ok) throw new Error('edit: ' + (reply?.error ?? 'no reply'));
        const editMs = performance.now() - start;
        start = performance.now();
        await rawReadWrite();
        const putMs = performance.now() - start;
        if (i === 0) continue; // warm-up
        edit.push(editMs);
        put.push(putMs);
      }
      db.close();
      const median = (xs) => {
        const s = [...xs].sort((a, b) => a - b);
        const mid = Math.floor(s.length / 2);
        return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
      };
      return { edit: median(edit), put: median(put) };
    })()`,
  );
  return EditTimes.parse(times);
}

/**
 * The popup's JS heap (bytes used after a garbage collection) once it shows its lists' counts —
 * everything it reads on opening is read by then — and `settleMs` more. Median of `openings`.
 * @param {PipeBrowser} pipe
 * @param {string} popupPath the popup's path in the extension
 * @param {number} openings
 * @param {number} settleMs
 * @returns {Promise<number>} bytes
 */
export async function popupHeap(pipe, popupPath, openings, settleMs) {
  const sizes = [];
  for (let i = 0; i < openings; i++) {
    const { targetId } = await pipe.cdp.send('Target.createTarget', { url: pipe.url(popupPath) });
    await waitFor(
      'the popup to show its counts',
      () => callIn(pipe.cdp, targetId, () => document.querySelector('.filters .count') !== null),
      120_000,
      250,
    );
    await sleep(settleMs);
    const { sessionId } = await pipe.cdp.send('Target.attachToTarget', { targetId, flatten: true });
    try {
      await pipe.cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
      const { usedSize } = await pipe.cdp.send('Runtime.getHeapUsage', {}, sessionId);
      sizes.push(usedSize);
    } finally {
      await pipe.cdp.send('Target.closeTarget', { targetId });
    }
  }
  return median(sizes);
}
