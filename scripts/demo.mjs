#!/usr/bin/env node
// @ts-check
/**
 * `npm run demo`: the main job in one command, no LinkedIn account and no network.
 * Chromium opens with the built extension against a sample Sent page of 60 invitations of
 * varied ages, served at LinkedIn's real URL; Lapse reads it, "Scan all" loads the rest.
 * - With a display (DISPLAY set, no --headless): a window to play with; closes when you close it.
 * - Headless (--headless, or no DISPLAY): the same flow, then screenshots of the Sent page, the
 *   popup, the options page and the badge, and the CSV export, all in demo-output/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { builtManifest, launchWithExtension, ROOT, SENT_URL, typescriptLoader, waitFor } from './lib/browser.mjs';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('../src/model/messages').PageMessage} PageMessage */
/** @typedef {import('../src/model/messages').PageReplies} PageReplies */

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const OUT = join(ROOT, 'demo-output');
const PEOPLE = 60;
const manifest = builtManifest(join(ROOT, 'dist'));

// The sample page comes from the same generator the tests use; labels are relative ("Sent 3 weeks
// ago"), so generating it now gives the same page whenever the demo runs.
const ts = await typescriptLoader();
/** @type {typeof import('../tests/fixtures/sent-page')} */
const { renderSentPage, samplePeople } = await ts.load('/tests/fixtures/sent-page.ts');
await ts.close();
// One hostile name and headline among them: shown as text, neutralised in the CSV.
const people = samplePeople(PEOPLE, 2026).map((person, i) =>
  i === 4 ? { ...person, name: '<img src=x onerror=alert(1)>', headline: '=HYPERLINK("http://evil.example")' } : person,
);
// A little styling so the sample reads like a list of cards (LinkedIn's own CSS is not bundled).
const DEMO_STYLE = `<style>body{font:14px system-ui,sans-serif;max-width:760px;margin:0 auto;padding:12px;background:#f4f2ee}
header nav a,[role=tablist] a,nav a{margin-right:12px}[data-testid=lazy-column] [role=listitem]{background:#fff;border-radius:8px;
margin:8px 0;padding:10px 14px;box-shadow:0 0 0 1px #e0dfdc}[role=listitem] p{margin:2px 0}[role=listitem] img{display:none}
aside{margin-top:24px;color:#666}button[data-fixture]{padding:6px 16px;border-radius:16px;border:1px solid #0a66c2;
background:#fff;color:#0a66c2;font-weight:600}</style>`;
const sentPage = renderSentPage({ people, loadMore: { pageSize: 20, script: true, delayMs: 400 } }).replace(
  '</head>',
  () => `${DEMO_STYLE}</head>`,
);

const lapse = await launchWithExtension({ headless });
lapse.serveLinkedIn(sentPage);
const { context, worker } = lapse;

const badge = () =>
  worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
  }));

const sent = await context.newPage();
await sent.goto(SENT_URL);

if (!headless) {
  console.log('Chromium is open with Lapse loaded on a sample Sent page (60 invitations, 20 shown until "Load more").');
  console.log(
    'Click the Lapse icon in the toolbar (pin it from the puzzle menu), try "Scan all", the lists, Export CSV.',
  );
  console.log('Nothing here touches LinkedIn or the network. Close the browser window to end the demo.');
  const popup = await context.newPage();
  await popup.goto(lapse.url(manifest.action.default_popup));
  await sent.bringToFront();
  await new Promise((resolve) => context.on('close', resolve));
  await lapse.close();
  process.exit(0);
}

mkdirSync(OUT, { recursive: true });
/** @type {string[]} */
const shots = [];
/**
 * @param {Page} page
 * @param {string} name the file's, in OUT
 * @param {import('playwright-core').PageScreenshotOptions} [options]
 */
const shot = async (page, name, options = {}) => {
  const path = join(OUT, name);
  await page.screenshot({ path, ...options });
  shots.push(relative(ROOT, path));
};

/** An extension page that talks to the worker as the popup does. */
const messenger = await context.newPage();
await messenger.goto(lapse.url('manifest.json'));
/**
 * @template {PageMessage} M
 * @param {M} message
 * @returns {Promise<PageReplies[M['type']]>}
 */
const send = async (message) => {
  const reply = await messenger.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (!reply?.ok) throw new Error(`${message.type}: ${reply?.error ?? 'no reply'}`);
  return reply.value;
};
const read = () => send({ type: 'get-ledger' });

await waitFor('the first reading of the Sent page', async () => (await read()).records.length >= 20);
console.log(`Opened the Sent page: ${(await read()).records.length} invitations recorded from the first screen.`);

// "Scan all", asked as the popup does when the user is on the Sent tab.
await sent.bringToFront();
const tabId = await worker.evaluate(
  async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null,
);
await send({ type: 'start-scan', tabId });
const scan = await waitFor(
  '"Scan all" to finish',
  async () => {
    const s = (await read()).scan;
    return s && s.state !== 'running' ? s : null;
  },
  90_000,
);
console.log(
  `Scan all: ${scan.state}, ${scan.read} of ${scan.total ?? '?'} read${scan.message ? ` (${scan.message})` : ''}.`,
);

await shot(sent, 'sent-page.png');

// The popup at its real size (400×600), in both colour schemes.
const popup = await context.newPage();
await popup.setViewportSize({ width: 400, height: 600 });
await popup.goto(lapse.url(manifest.action.default_popup));
await popup.waitForSelector('li.row, .first-run, [role="alert"]', { timeout: 15_000 });
await popup.waitForSelector('[role="tab"] .count');
await shot(popup, 'popup.png');
await popup.emulateMedia({ colorScheme: 'dark' });
await shot(popup, 'popup-dark.png');
await popup.emulateMedia({ colorScheme: 'light' });

let csvPath = null;
try {
  await popup.getByRole('button', { name: 'Export CSV' }).click();
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: /^Everything/ }).click(),
  ]);
  csvPath = join(OUT, download.suggestedFilename());
  await download.saveAs(csvPath);
} catch (error) {
  console.error(`CSV export failed: ${error instanceof Error ? error.message : error}`);
}

// Every surface's own figures, read off what each one shows (they must agree: one function).
const popupFigures = await popup.evaluate(() => {
  const count = (/** @type {string} */ list) =>
    Number(document.querySelector(`#tab-${list} .count`)?.textContent ?? Number.NaN);
  const header = document.querySelector('.counts')?.textContent ?? '';
  return {
    header,
    headerPending: Number(header.match(/(\d+) pending/)?.[1]),
    pending: count('pending'),
    nearing: count('nearing'),
    expired: count('expired'),
  };
});
const insights = await context.newPage();
await insights.setViewportSize({ width: 900, height: 900 });
await insights.goto(lapse.url('src/insights/index.html'));
const capText = await insights.locator('#cap-title + p').textContent({ timeout: 15_000 });
await shot(insights, 'insights.png', { fullPage: true });
await insights.close();
const csvRows = csvPath
  ? Papa.parse(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
  : [];
const csvPending = csvRows.filter((row) => row.status === 'pending');
const csvLapsed = csvPending.filter((row) => row.expiry_status === 'expired' || row.expiry_status === 'maybe-expired');
const figures = {
  'popup header': popupFigures.headerPending,
  'popup "Pending" tab': popupFigures.pending,
  'Insights cap': Number(capText?.match(/^(\d+)/)?.[1]),
  'CSV pending, not lapsed': csvPending.length - csvLapsed.length,
};
const agree = new Set(Object.values(figures)).size === 1;

const options = await context.newPage();
await options.goto(lapse.url(manifest.options_ui.page));
await options.waitForSelector('main');
await shot(options, 'options.png', { fullPage: true });

// The toolbar is not part of a headless screenshot: draw the badge Chrome was told to show.
const state = await badge();
const icon = readFileSync(join(ROOT, 'dist', manifest.action.default_icon['32'])).toString('base64');
const [r, g, b, a] = state.color;
const badgePage = await context.newPage();
await badgePage.setViewportSize({ width: 360, height: 90 });
await badgePage.setContent(`<!doctype html><body style="margin:0;font:13px system-ui;background:#f1f3f4">
<div style="display:flex;align-items:center;gap:14px;padding:16px">
  <div style="position:relative;width:32px;height:32px"><img src="data:image/png;base64,${icon}" width="32" height="32">
    ${state.text ? `<span style="position:absolute;right:-10px;bottom:-6px;min-width:14px;padding:1px 4px;border-radius:8px;background:rgba(${r},${g},${b},${a / 255});color:#fff;font:bold 11px system-ui;text-align:center">${state.text.replace(/[^0-9+]/g, '')}</span>` : ''}
  </div>
  <div><b>Badge as set by Lapse</b><br><span style="color:#555">${state.title.replace(/[<&]/g, '')}</span><br><small style="color:#777">drawn from chrome.action state (headless has no toolbar)</small></div>
</div></body>`);
await shot(badgePage, 'badge.png');

const { records } = await read();
/** @type {Record<string, number>} */
const byStatus = {};
for (const r of records) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
const summary = [
  '',
  'Lapse demo (headless)',
  `  invitations recorded: ${records.length} of ${PEOPLE} on the sample page (${Object.entries(byStatus)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')})`,
  `  badge: "${state.text}" (colour rgba(${state.color.join(', ')}), title "${state.title}")`,
  `  popup header: ${popupFigures.header}`,
  `  popup tabs: Act this week ${popupFigures.nearing} · Pending ${popupFigures.pending} · May have lapsed ${popupFigures.expired}`,
  `  CSV: ${csvPending.length} pending rows, ${csvLapsed.length} of them expired or maybe expired`,
  `  pending, as each surface counts it: ${Object.entries(figures)
    .map(([where, n]) => `${where} ${n}`)
    .join(' · ')} → ${agree ? 'they agree' : 'THEY DISAGREE'}`,
  `  CSV: ${csvPath ? relative(ROOT, csvPath) : 'not produced'}`,
  `  screenshots: ${shots.join(', ')}`,
  `  requests refused (would have left the machine): ${lapse.refused.length}`,
  '',
];
console.log(summary.join('\n'));
writeFileSync(join(OUT, 'summary.txt'), summary.join('\n'));
await lapse.close();
if (!agree) process.exitCode = 1;
