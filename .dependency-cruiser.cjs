/**
 * The layer picture of docs/ARCHITECTURE.md, enforced in CI
 * (`npm run check:layers`, build/scripts/check-layers.ts). A file's folder says
 * which process it runs in (PROCESS below); a rule names what a file of one
 * place may NOT import or reach. There is no whitelist of exceptions, and every
 * rule has a planted violation in build/layers/must-fail.ts that must make it
 * fire: a rule that cannot fire fails the check.
 */

/** Where each process's code lives. */
const PROCESS = {
  /** Generic helpers: depend on nothing. */
  base: '^base/',
  /** Process-neutral: runs in the main process, the renderer and the tools alike. */
  neutral: '^(base|core|rules/(engine|data|schema))/',
  renderer: '^renderer/',
  rendererBuild: '^renderer/vite\\.config\\.ts$',
  /** The Electron shell: the only files that may import `electron`. */
  shell: '^electron/(main|preload|window)\\.ts$|^electron/api/ipc\\.ts$',
  /** Node-side tools for rule bundles (check, sign, verify, bundle files). */
  ruleTools: '^rules/node/',
};

/** Code a process-neutral file or the renderer must never reach, directly or through others. */
const PROCESS_CODE = '^(electron|tests|build|rules/node)/';
/** `electron` itself: dependency-cruiser resolves it into node_modules, so both spellings are matched. */
const ELECTRON_MODULE = '^(electron|node_modules/electron/.+)$';
/** npm packages that are pure (no I/O, no process): the only ones process-neutral code may use. */
const PURE_PACKAGES = '^node_modules/(zod|intl-messageformat|@formatjs|json-logic-js|pinyin-pro)/';

module.exports = {
  forbidden: [
    {
      name: 'base-depends-on-nothing',
      comment: 'base/ is the bottom: generic helpers that import nothing but each other.',
      severity: 'error',
      from: { path: PROCESS.base },
      to: { pathNot: PROCESS.base },
    },
    {
      name: 'neutral-code-uses-no-node',
      comment: 'base/, core/ and the rules engine run in every process: no Node built-ins.',
      severity: 'error',
      from: { path: PROCESS.neutral },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'neutral-code-reaches-no-process-code',
      comment:
        'Not even through another file: core → rules/node/bundle-files → node:fs is caught here.',
      severity: 'error',
      from: { path: PROCESS.neutral },
      to: { path: PROCESS_CODE, reachable: true },
    },
    {
      name: 'neutral-code-uses-only-pure-packages',
      severity: 'error',
      from: { path: PROCESS.neutral },
      to: { path: '^node_modules/', pathNot: PURE_PACKAGES },
    },
    {
      name: 'only-the-contract-s-users-import-it',
      comment:
        'The contract sits on top of core/: nothing below imports it, so the renderer cannot reach its zod schemas through core/.',
      severity: 'error',
      from: { path: PROCESS.neutral, pathNot: '^core/api/' },
      to: { path: '^core/api/' },
    },
    {
      name: 'only-the-shell-imports-electron',
      comment: 'Only main.ts, preload.ts, window.ts and api/ipc.ts touch the electron module.',
      severity: 'error',
      from: { pathNot: PROCESS.shell },
      to: { path: ELECTRON_MODULE, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-uses-no-node',
      severity: 'error',
      from: { path: PROCESS.renderer, pathNot: PROCESS.rendererBuild },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-reaches-no-process-code',
      comment:
        'The renderer reaches the main process only through window.kiosk, never its modules.',
      severity: 'error',
      from: { path: PROCESS.renderer, pathNot: PROCESS.rendererBuild },
      to: { path: PROCESS_CODE, reachable: true },
    },
    {
      name: 'renderer-imports-the-contract-for-types-only',
      comment: 'A value import would bundle the contract’s zod schemas into the renderer.',
      severity: 'error',
      from: { path: PROCESS.renderer },
      to: { path: '^core/api/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'main-process-does-not-import-the-renderer',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'rule-tools-import-no-kiosk-or-screen',
      comment: 'rules/node/ serves the kiosk and the command line alike: it knows neither.',
      severity: 'error',
      from: { path: PROCESS.ruleTools },
      to: { path: '^(electron|renderer|core)/' },
    },
    {
      name: 'drivers-do-not-reach-the-kiosk-or-the-store',
      comment: 'Devices take their transport as a parameter and report events; they store nothing.',
      severity: 'error',
      from: { path: '^electron/devices/' },
      to: { path: '^electron/(kiosk|store|sync|audit|api)/' },
    },
    {
      name: 'simulators-only-through-the-demo-rig',
      comment:
        'Production device code never reaches a simulator: demo mode is the demo rig’s links and controls.',
      severity: 'error',
      from: { path: '^electron/', pathNot: '^electron/devices/(demo|sim)/' },
      to: { path: '^electron/devices/sim/' },
    },
    {
      name: 'transport-imports-nothing-of-ours',
      comment:
        'A byte link knows bytes, and the time its retries and presence checks run on (core/clock.ts): nothing else of ours.',
      severity: 'error',
      from: { path: '^electron/devices/transport/' },
      to: {
        path: '^(electron|rules|core)/',
        pathNot: '^(electron/(devices/transport|shared)/|core/clock\\.ts$)',
      },
    },
    {
      name: 'codecs-and-drivers-only-use-transport',
      severity: 'error',
      from: { path: '^electron/devices/(idcard|scanner|printer)/' },
      to: {
        path: '^electron/',
        pathNot:
          '^electron/(devices/(idcard|scanner|printer|transport)/|devices/frame-log\\.ts$|shared/)',
      },
    },
    {
      name: 'store-sync-audit-config-stand-alone',
      severity: 'error',
      from: { path: '^electron/(store|sync|audit|config)/' },
      to: { path: '^electron/', pathNot: '^electron/(store|sync|audit|config|shared)/' },
    },
    {
      name: 'lower-layers-do-not-import-the-kiosk-service',
      severity: 'error',
      from: { path: '^electron/(devices|store|sync|audit|config|shell|shared)/' },
      to: { path: '^electron/(kiosk|api)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shell-helpers-are-pure',
      severity: 'error',
      from: { path: '^electron/shell/' },
      to: { path: '^electron/', pathNot: '^electron/shell/' },
    },
    {
      name: 'no-imports-from-tests',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^tests/' },
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
    exclude: { path: '^(dist|release)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
