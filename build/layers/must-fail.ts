/**
 * One planted violation per layer rule of .dependency-cruiser.cjs. `npm run
 * check:layers` writes each file at its path, cruises it, and fails unless the
 * named rule fires on it; a rule with no entry here fails too. So a rule that
 * can no longer match anything (as `electron` resolving into node_modules once
 * made one) is found the day it goes dead, not by a later review.
 */
export interface PlantedViolation {
  readonly rule: string;
  /** Files written for the check and removed after it; paths from the repository root. */
  readonly files: readonly { readonly path: string; readonly source: string }[];
}

const planted = (path: string, source: string) => ({ path, source });

export const mustFail: readonly PlantedViolation[] = [
  {
    rule: 'base-depends-on-nothing',
    files: [planted('base/planted.ts', "export { ok } from '../core/result';\n")],
  },
  {
    rule: 'neutral-code-uses-no-node',
    files: [planted('core/planted.ts', "export { readFileSync } from 'node:fs';\n")],
  },
  {
    // The case a direct-import rule missed: core reaches node:fs through a rules tool.
    rule: 'neutral-code-reaches-no-process-code',
    files: [
      planted('core/planted.ts', "export { jsonFileNames } from '../rules/node/bundle-files';\n"),
    ],
  },
  {
    rule: 'neutral-code-uses-only-pure-packages',
    files: [planted('rules/engine/planted.ts', "export { SerialPort } from 'serialport';\n")],
  },
  {
    rule: 'only-the-contract-s-users-import-it',
    files: [planted('core/planted.ts', "export { methods } from './api/contract';\n")],
  },
  {
    // `import { app } from 'electron'` in the kiosk service passed the old rule.
    rule: 'only-the-shell-imports-electron',
    files: [planted('electron/kiosk/planted.ts', "export { app } from 'electron';\n")],
  },
  {
    rule: 'renderer-uses-no-node',
    files: [planted('renderer/planted.ts', "export { readFileSync } from 'node:fs';\n")],
  },
  {
    rule: 'renderer-reaches-no-process-code',
    files: [
      planted('renderer/planted.ts', "export { plantedLog } from '../core/planted';\n"),
      planted(
        'core/planted.ts',
        "export { createLogger as plantedLog } from '../electron/shared/log';\n",
      ),
    ],
  },
  {
    rule: 'renderer-imports-the-contract-for-types-only',
    files: [planted('renderer/planted.ts', "export { methods } from '../core/api/contract';\n")],
  },
  {
    rule: 'main-process-does-not-import-the-renderer',
    files: [
      planted('electron/kiosk/planted.ts', "export { formatFee } from '../../renderer/format';\n"),
    ],
  },
  {
    rule: 'rule-tools-import-no-kiosk-or-screen',
    files: [planted('rules/node/planted.ts', "export { ok } from '../../core/result';\n")],
  },
  {
    rule: 'drivers-do-not-reach-the-kiosk-or-the-store',
    files: [
      planted(
        'electron/devices/planted.ts',
        "export type { AuditLog } from '../audit/audit-log';\n",
      ),
    ],
  },
  {
    rule: 'simulators-only-through-the-demo-rig',
    files: [planted('electron/kiosk/planted.ts', "export * from '../devices/sim/sample-cards';\n")],
  },
  {
    rule: 'transport-imports-nothing-of-ours',
    files: [
      planted(
        'electron/devices/transport/planted.ts',
        "export { ok } from '../../../core/result';\n",
      ),
    ],
  },
  {
    rule: 'codecs-and-drivers-only-use-transport',
    files: [planted('electron/devices/printer/planted.ts', "export * from '../managed/links';\n")],
  },
  {
    rule: 'store-sync-audit-config-stand-alone',
    files: [planted('electron/store/planted.ts', "export * from '../devices/frame-log';\n")],
  },
  {
    rule: 'lower-layers-do-not-import-the-kiosk-service',
    files: [
      planted(
        'electron/store/planted.ts',
        "export { openKioskService } from '../kiosk/service';\n",
      ),
    ],
  },
  {
    rule: 'shell-helpers-are-pure',
    files: [planted('electron/shell/planted.ts', "export * from '../shared/log';\n")],
  },
  {
    rule: 'no-imports-from-tests',
    files: [
      planted('electron/kiosk/planted.ts', "export { TEST_NOW } from '../../tests/test-clock';\n"),
    ],
  },
  {
    rule: 'no-circular',
    files: [
      planted('core/planted.ts', "export { b } from './planted-b';\nexport const a = 1;\n"),
      planted('core/planted-b.ts', "import { a } from './planted';\nexport const b = a + 1;\n"),
    ],
  },
];
