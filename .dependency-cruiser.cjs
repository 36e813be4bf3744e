/**
 * The layer picture of docs/ARCHITECTURE.md, enforced in CI
 * (`npm run check:layers`). A rule names what a layer may NOT reach; there is
 * no whitelist of exceptions.
 */
module.exports = {
  forbidden: [
    {
      name: 'only-shell-imports-electron',
      comment: 'Only main.ts, preload.ts, window.ts and api/ipc.ts touch the electron module.',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload|window)\\.ts$|^electron/api/ipc\\.ts$' },
      to: { path: '^electron$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-reaches-electron-only-through-the-contract',
      comment: 'The renderer imports nothing of the main process but the contract’s types.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: '^electron/api/contract\\.ts$' },
    },
    {
      name: 'renderer-imports-the-contract-for-types-only',
      comment: 'A value import would bundle the contract’s zod schemas into the renderer.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/api/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-imports-only-rules-zod-and-messageformat',
      comment:
        'core/ is process-neutral: no Electron, no renderer, no Node built-ins, no I/O (zod, and FormatJS for plural messages, are pure).',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        pathNot: '^(core|rules)/|^node_modules/(zod|intl-messageformat|@formatjs)/',
      },
    },
    {
      name: 'renderer-has-no-node',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'rules-import-nothing-above-them',
      comment:
        'rules/ is the bottom layer: core, the main process, the renderer and tests build on it.',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: '^(core|electron|renderer|tests)/' },
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
      name: 'rules-engine-is-pure',
      comment: 'The engine and its data are pure: no main-process or renderer code, no I/O.',
      severity: 'error',
      from: { path: '^rules/(engine|data)/' },
      to: { path: '^(electron|renderer)/|^(fs|net|http|https|child_process|node:.*)$' },
    },
    {
      name: 'transport-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^electron/devices/transport/' },
      to: { path: '^(electron|rules)/', pathNot: '^electron/(devices/transport|shared)/' },
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
      name: 'sync-does-not-import-kiosk',
      severity: 'error',
      from: { path: '^electron/sync/' },
      to: { path: '^electron/(kiosk|api|devices)/' },
    },
    {
      name: 'lower-layers-do-not-import-the-kiosk-service',
      severity: 'error',
      from: { path: '^electron/(devices|store|sync|audit|config|shell|shared)/' },
      to: { path: '^electron/(kiosk|api)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shell-is-pure',
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
