import { readinessWords, type ReadinessWords } from '../../core/readiness-words';
import { readinessCheck, type ReadinessCheck } from '../cli/readiness';
import { statfs } from 'node:fs/promises';
import { freemem, totalmem, uptime } from 'node:os';
import type { DeviceHealth } from '../devices/manager';
import type { RuleFileProblem } from './rule-files';

export interface SystemFacts {
  readonly versions: Readonly<Record<string, string>>;
  readonly platform: string;
  readonly uptimeSeconds: { readonly process: number; readonly system: number };
  readonly memoryMb: { readonly rss: number; readonly free: number; readonly total: number };
  readonly diskFreeMb: number | null;
  readonly dataDir: string;
}

/** Facts a technician needs to judge the machine, none of them personal. */
export async function systemFacts(dataDir: string, appVersion: string): Promise<SystemFacts> {
  let diskFreeMb: number | null;
  try {
    const fs = await statfs(dataDir);
    diskFreeMb = Math.round((fs.bavail * fs.bsize) / 1024 / 1024);
  } catch {
    diskFreeMb = null;
  }
  const versions: Record<string, string> = { app: appVersion, node: process.versions.node };
  if (process.versions.electron) versions['electron'] = process.versions.electron;
  if (process.versions.chrome) versions['chromium'] = process.versions.chrome;
  return {
    versions,
    platform: `${process.platform}/${process.arch}`,
    uptimeSeconds: { process: Math.round(process.uptime()), system: Math.round(uptime()) },
    memoryMb: {
      rss: Math.round(process.memoryUsage().rss / 1024 / 1024),
      free: Math.round(freemem() / 1024 / 1024),
      total: Math.round(totalmem() / 1024 / 1024),
    },
    diskFreeMb,
    dataDir,
  };
}

export type { ReadinessCheck } from '../cli/readiness';

const line = (name: string, ok: boolean, detail: string, words: ReadinessWords): ReadinessCheck =>
  readinessCheck(name, ok ? 'ok' : 'fail', detail, words);

/** What must hold before a kiosk goes into the hall; each check says what it saw. */
export function readinessChecks(
  devices: readonly DeviceHealth[],
  ruleProblems: readonly RuleFileProblem[],
  system: SystemFacts,
  services: number,
  /** `storage.minFreeMb`: the floor below which the kiosk takes no application, one number everywhere. */
  minFreeMb: number,
): ReadinessCheck[] {
  return [
    ...devices.map((d) =>
      line(
        `device ${d.id} (${d.kind})`,
        d.state === 'ready',
        `${d.address}: ${d.state}${d.lastError === null ? '' : ` — ${d.lastError}`}`,
        readinessWords('device', 'device', {
          id: d.id,
          kind: d.kind,
          state: d.state,
          fault: d.lastError ?? '',
        }),
      ),
    ),
    line(
      'service rule files',
      ruleProblems.length === 0 && services > 0,
      `${services} loaded, ${ruleProblems.length} refused`,
      readinessWords('rules', 'rules', { loaded: services, refused: ruleProblems.length }),
    ),
    system.diskFreeMb === null
      ? line('disk space', false, 'unknown', readinessWords('disk', 'diskUnknown'))
      : line(
          'disk space',
          system.diskFreeMb >= minFreeMb,
          `${system.diskFreeMb} MB free (need ${minFreeMb})`,
          readinessWords('disk', 'diskFree', { free: system.diskFreeMb, need: minFreeMb }),
        ),
  ];
}
