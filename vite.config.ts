import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * One source manifest, two builds: Chrome (`dist/`, service worker) and Firefox
 * (`dist-firefox/`, background scripts + gecko settings). LAPSE_BROWSER picks the target.
 */
const target = process.env.LAPSE_BROWSER === 'firefox' ? 'firefox' : 'chrome';
/**
 * LAPSE_TEST_HOOKS=1 builds a test-only variant (`dist-firefox-test/`, `dist-test/`) whose content
 * script reports the background's answers to the page (src/content/test-hook.ts). Shipped builds
 * define the flag as false, so the hook is dead code and dropped (tests/firefox checks its absence).
 */
const testHooks = process.env.LAPSE_TEST_HOOKS === '1';
const outDir = `${target === 'firefox' ? 'dist-firefox' : 'dist'}${testHooks ? '-test' : ''}`;
/**
 * Firefox 142: the first version (desktop 140, Android 142) that understands
 * `data_collection_permissions`, which addons.mozilla.org now asks for. Everything else Lapse
 * uses (MV3, storage.session, module background scripts) is older.
 */
const FIREFOX_MIN_VERSION = '142.0';
/** One script per LinkedIn page Lapse reads, each carrying only that page's code. */
const CONTENT_SCRIPTS = ['src/content/index.ts', 'src/content/connections/index.ts'];

function manifestFor(browser: 'chrome' | 'firefox'): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown> & typeof baseManifest;
  if (browser === 'firefox') {
    const { service_worker, type } = baseManifest.background;
    manifest.background = { scripts: [service_worker], type } as never;
    manifest.browser_specific_settings = {
      gecko: {
        id: 'lapse@lapse-extension.org',
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
    };
  }
  return manifest as ManifestV3Export;
}

/**
 * LinkedIn probes extensions' web-accessible files to detect their users, so the built manifest
 * must declare none. Fail the build if anything (CRXJS's content-script loader, a plugin) adds one.
 */
function forbidWebAccessibleResources(): Plugin {
  return {
    name: 'lapse:forbid-web-accessible-resources',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const asset = bundle['manifest.json'];
      if (asset?.type !== 'asset') return;
      const manifest = JSON.parse(String(asset.source)) as { web_accessible_resources?: unknown[] };
      if (manifest.web_accessible_resources !== undefined) {
        this.error(
          `manifest.json gained web_accessible_resources: ${JSON.stringify(manifest.web_accessible_resources)}`,
        );
      }
    },
  };
}

/**
 * Gives an entry its own copy of every module it imports, instead of chunks shared with the other
 * pages: tagging the entry's whole import graph makes its modules its own.
 * - The popup must draw within 150 ms of opening, and every module file an extension page loads
 *   costs a fetch from the browser process: it loads one script (and the CSV writer on demand).
 * - The worker runs alone and starts often: a chunk shared with the options and Insights pages
 *   would make it load their code too (Insights' figures, the backup reader).
 */
function ownsItsModules(name: string, entry: RegExp): Plugin {
  const tag = `?lapse-${name}`;
  return {
    name: `lapse:${name}-owns-its-modules`,
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const inEntry = importer.endsWith(tag) || entry.test(importer);
      if (!inEntry) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolved.id.includes('?') || resolved.id.startsWith('\0')) return resolved;
      return { ...resolved, id: `${resolved.id}${tag}` };
    },
  };
}

export default defineConfig({
  define: { __LAPSE_TEST_HOOKS__: JSON.stringify(testHooks) },
  plugins: [
    crx({
      manifest: manifestFor(target),
      browser: target,
      // One self-contained classic script: no loader, no chunks, no web-accessible files.
      contentScripts: { standaloneFiles: CONTENT_SCRIPTS },
    }),
    forbidWebAccessibleResources(),
    ownsItsModules('popup', /\/src\/popup\/main\.tsx$/),
    ownsItsModules('worker', /\/src\/background\/index\.ts$/),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Readable stack traces from users' bug reports matter more than a few bytes.
    minify: true,
    sourcemap: false,
    // Chrome and Firefox both preload modules natively; the polyfill was one more file per page.
    modulePreload: { polyfill: false },
    // Pages the manifest does not name are built only when listed here: the Insights page opens from the popup.
    rolldownOptions: { input: { insights: 'src/insights/index.html' } },
  },
  esbuild: undefined,
});
