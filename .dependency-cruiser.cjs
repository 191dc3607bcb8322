/**
 * The layers of Lapse, checked by `npm run lint` (dependency-cruiser). Type-only imports count:
 * a page that names a worker module's type depends on it all the same.
 *
 *   model ← rules ← store ← background
 *   UI pages (popup, options, insights, shared/ui): rules, model, shared, the store's read-only
 *     API (src/store/read.ts) and the worker's typed messages — never background/ or store internals
 *   content scripts: model and pure helpers only (they run on LinkedIn's page)
 */

const UI = '^src/(popup|options|insights|shared/ui)/';

module.exports = {
  forbidden: [
    {
      name: 'model-is-the-base',
      comment: 'src/model holds schemas and messages only: it imports nothing else of Lapse.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'rules-are-pure',
      comment: 'src/rules is pure (now passed in): model only.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^src/', pathNot: '^src/(model|rules)/' },
    },
    {
      name: 'rules-use-no-extension-api',
      comment: 'Pure code reads no browser, database or UI library.',
      severity: 'error',
      from: { path: '^src/(model|rules|import)/' },
      to: { path: '(^|/)node_modules/(webextension-polyfill|idb|preact)/' },
    },
    {
      name: 'store-below-background',
      comment: 'src/store builds on model and rules; the worker and pages call it, not the other way.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: '^src/(model|rules|store)/' },
    },
    {
      name: 'import-parsers-are-pure',
      comment: "src/import parses LinkedIn's data export: model and rules only.",
      severity: 'error',
      from: { path: '^src/import/' },
      to: { path: '^src/', pathNot: '^src/(model|rules|import)/' },
    },
    {
      name: 'shared-below-pages-and-worker',
      comment: 'src/shared serves the worker and the pages alike: it imports neither, nor the UI kit.',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: UI },
      to: { path: '^src/(background|content|popup|options|insights|store|shared/ui)/' },
    },
    {
      name: 'worker-draws-nothing',
      comment: 'The background worker has no page: no UI modules, no content-script modules.',
      severity: 'error',
      from: { path: '^src/background/' },
      to: { path: '^src/(popup|options|insights|shared/ui|content)/' },
    },
    {
      name: 'pages-talk-to-the-worker-by-message',
      comment: 'UI pages reach the worker through typed messages (src/shared/messaging.ts), never its modules.',
      severity: 'error',
      from: { path: UI },
      to: { path: '^src/(background|content)/' },
    },
    {
      name: 'pages-read-the-store-through-read-ts',
      comment: 'UI pages read the ledger through src/store/read.ts only; every write goes through the worker.',
      severity: 'error',
      from: { path: UI },
      to: { path: '^src/store/', pathNot: '^src/store/read\\.ts$' },
    },
    {
      name: 'pages-are-separate',
      comment: 'Each page stands alone; what two pages share lives in src/shared/ui.',
      severity: 'error',
      from: { path: '^src/(popup|options|insights)/' },
      to: { path: '^src/(popup|options|insights)/', pathNot: '^src/$1/' },
    },
    {
      name: 'content-scripts-carry-little',
      comment:
        "Content scripts run on LinkedIn's page: model, pure rules and the reply helper only (no worker, store, page or extension-API module).",
      severity: 'error',
      from: { path: '^src/content/' },
      to: { path: '^src/', pathNot: '^src/(content|model|rules)/|^src/shared/reply\\.ts$' },
    },
    {
      name: 'content-scripts-without-polyfill-or-ui',
      comment: "The content scripts' size budget has no room for the polyfill, idb or preact (src/content/runtime.ts).",
      severity: 'error',
      from: { path: '^src/content/' },
      to: { path: '(^|/)node_modules/(webextension-polyfill|idb|preact)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
