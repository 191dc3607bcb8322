import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DIST_FIREFOX_TEST } from './global-setup';

/** Strings only the test hook (src/content/test-hook.ts, src/background/test-hook.ts) contains. */
const HOOK_MARKERS = [
  'lapse-test-hook',
  'lapse-test-ledger-summary',
  'content-script-started',
  'lapse-test-notifications',
];

function builtFiles(dir: string): string[] {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`Expected a built extension in ${dir}; build it with "npm run build:all" (npm test does this).`);
  }
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const path = join(d, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(dir);
}

/** Files under `dir` whose text contains `marker`, relative to `dir`. */
function filesContaining(dir: string, marker: string): string[] {
  return builtFiles(dir)
    .filter((f) => /\.(js|html|json)$/.test(f) && readFileSync(f, 'utf8').includes(marker))
    .map((f) => relative(dir, f));
}

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('the test hook', () => {
  it.each(['dist', 'dist-firefox'])('is absent from the shipped build in %s', (dir) => {
    for (const marker of HOOK_MARKERS) expect(filesContaining(dir, marker), marker).toEqual([]);
  });

  it('is present in the test build, in both the content script and the background', () => {
    const manifest = manifestOf(DIST_FIREFOX_TEST);
    const contentScript = manifest.content_scripts[0].js[0];
    const withHook = filesContaining(DIST_FIREFOX_TEST, 'lapse-test-hook');
    expect(withHook).toContain(contentScript);
    // The background's half answers the summary request (it ships in a chunk of the background).
    expect(filesContaining(DIST_FIREFOX_TEST, 'lapse-test-ledger-summary').length).toBeGreaterThanOrEqual(2);
  });

  it('leaves the manifest of the tested build identical to the shipped one', () => {
    expect(manifestOf(DIST_FIREFOX_TEST)).toEqual(manifestOf('dist-firefox'));
  });
});

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * Warnings the README ("Firefox") explains. UNSAFE_VAR_ASSIGNMENT: Preact's renderer assigns
 * `innerHTML` to implement `dangerouslySetInnerHTML`, which Lapse never uses (Biome forbids it);
 * the linter flags the assignment wherever Preact's runtime is bundled.
 */
function isExplained(warning: LintMessage, dir: string): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file) return false;
  const code = readFileSync(join(dir, warning.file), 'utf8');
  // Preact's diff: `e.innerHTML = u.__html` for the dangerouslySetInnerHTML prop, nothing else.
  return /innerHTML\s*=\s*[\w$]+\.__html/.test(code) && (code.match(/innerHTML\s*=/g) ?? []).length <= 2;
}

describe('web-ext lint on dist-firefox', () => {
  it('reports no errors, no notices, and only the warnings the README explains', async () => {
    builtFiles('dist-firefox');
    // web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
    const stdout = await promisify(execFile)(
      join('node_modules', '.bin', 'web-ext'),
      ['lint', '--source-dir', 'dist-firefox', '--output', 'json', '--no-config-discovery'],
      { maxBuffer: 10 * 1024 * 1024 },
    ).then(
      (done) => done.stdout,
      (failed: { stdout?: string; message: string }) => failed.stdout || failed.message,
    );
    const report = JSON.parse(stdout) as LintReport;
    const brief = (m: LintMessage) => `${m.code} in ${m.file ?? '?'}: ${m.message}`;

    expect(report.errors.map(brief)).toEqual([]);
    expect(report.notices.map(brief)).toEqual([]);
    expect(report.warnings.filter((w) => !isExplained(w, 'dist-firefox')).map(brief)).toEqual([]);
  });

  it('declares that Lapse collects no data, and the Firefox version that understands the declaration', () => {
    const gecko = manifestOf('dist-firefox').browser_specific_settings.gecko;
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(gecko.strict_min_version).toBe('142.0');
    expect(gecko.id).toMatch(/@/);
  });
});
