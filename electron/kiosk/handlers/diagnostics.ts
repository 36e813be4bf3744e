import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok } from '../../../core/result';
import { listSerialPorts } from '../../devices/transport/serial';
import type { HandlerGroup, KioskParts } from '../context';
import {
  handwritingCheck,
  protectionChecks,
  readinessCheck,
  voiceCheck,
  type ReadinessCheck,
} from '../../cli/readiness';
import { readinessWords, type ReadinessWords } from '../../../core/readiness-words';
import { readinessChecks, systemFacts } from '../diagnostics';

/** What these handlers use of the kiosk, and nothing else. */
export type DiagnosticsDeps = Pick<
  KioskParts,
  | 'audit'
  | 'clock'
  | 'config'
  | 'dataDir'
  | 'demo'
  | 'devices'
  | 'face'
  | 'faceEnabled'
  | 'handwriting'
  | 'keyProtection'
  | 'log'
  | 'ruleSet'
  | 'speech'
  | 'store'
  | 'sync'
  | 'version'
>;

/** The face engine as the running kiosk has it: off, unable to run (and why), or loaded. */
function faceDiagnostics(ctx: DiagnosticsDeps): ReadinessCheck {
  const name = 'face check and photo';
  const line = (ok: boolean, detail: string, words: ReadinessWords): ReadinessCheck =>
    readinessCheck(name, ok ? 'ok' : 'fail', detail, words);
  if (!ctx.config.face.enabled)
    return line(
      true,
      'off: the photo and the identity check are at the window',
      readinessWords('face', 'faceOff'),
    );
  const engine = ctx.face.engineStatus();
  if (!engine.available)
    return line(
      false,
      `${engine.problem ?? 'the engine cannot run'}: the photo and the identity check go to the window`,
      readinessWords('face', 'faceNoEngine', { problem: engine.problem ?? '' }),
    );
  if (!ctx.faceEnabled)
    return line(
      false,
      'no camera is configured: the photo and the identity check go to the window',
      readinessWords('face', 'faceNoCamera'),
    );
  return engine.version === null
    ? line(true, 'ready; the models load on first use', readinessWords('face', 'faceReady'))
    : line(
        true,
        `${engine.version}, models loaded in ${engine.loadMs ?? 0} ms`,
        readinessWords('face', 'faceLoaded', { version: engine.version, ms: engine.loadMs ?? 0 }),
      );
}

/**
 * The back office as the running kiosk sees it: none (applications stay here,
 * no payment, no progress lookups), unreachable, or answering.
 */
function backOfficeDiagnostics(ctx: DiagnosticsDeps): ReadinessCheck {
  const name = 'back office';
  const office = ctx.config.backOffice;
  if (office === null || ctx.sync === null)
    return readinessCheck(
      name,
      'warn',
      'none configured: applications stay on this kiosk, no fee is paid here, no progress can be looked up',
      readinessWords('backOffice', 'backOfficeNone'),
    );
  const link = ctx.sync.link();
  return link.reachable === false
    ? readinessCheck(
        name,
        'fail',
        `${office.url} does not answer: ${link.lastProblem ?? 'unknown'}`,
        readinessWords('backOffice', 'backOfficeDown', {
          url: office.url,
          problem: link.lastProblem ?? '',
        }),
      )
    : readinessCheck(
        name,
        'ok',
        office.url,
        readinessWords('backOffice', 'backOfficeUp', { url: office.url }),
      );
}

type DiagnosticsMethods =
  'getDiagnostics' | 'deviceSelfTest' | 'getFrameLog' | 'exportReadinessReport';

/** The technician's diagnostics (dispatch lets only a technician here). No personal data anywhere in here. */
export function diagnosticsHandlers(ctx: DiagnosticsDeps): HandlerGroup<DiagnosticsMethods> {
  const diagnostics = async () => {
    const system = await systemFacts(ctx.dataDir, ctx.version);
    const devices = [...ctx.devices.health()];
    return {
      kioskId: ctx.config.kioskId,
      stationCode: ctx.config.station.code,
      devices,
      serialPorts: await listSerialPorts(),
      system,
      store: {
        applications: ctx.store.count(),
        queued: ctx.store.countQueued(),
        keyProtection: ctx.keyProtection,
        auditWaiting: ctx.audit.backlog(),
      },
      ruleProblems: ctx.ruleSet.problems.map((p) => ({
        file: p.file,
        action: p.action,
        problems: [...p.problems],
      })),
      checks: [
        ...readinessChecks(
          devices,
          ctx.ruleSet.problems,
          system,
          ctx.ruleSet.rules.size,
          ctx.config.storage.minFreeMb,
        ),
        faceDiagnostics(ctx),
        backOfficeDiagnostics(ctx),
        // What a citizen who needs them would miss: the voice and the handwriting pad.
        voiceCheck(ctx.speech.problem),
        handwritingCheck(ctx.handwriting.available),
        // Every switch that turns a protection off, as `police-kiosk readiness` lists them.
        ...protectionChecks(ctx.config, ctx.dataDir, ctx.ruleSet.bundle !== null),
      ],
      demoFaults: Object.fromEntries(
        Object.entries(ctx.demo?.faults() ?? {}).map(([id, faults]) => [
          id,
          faults.map(({ fault, on }) => ({ fault, on })),
        ]),
      ),
    };
  };

  return {
    async getDiagnostics() {
      return ok(await diagnostics());
    },
    async deviceSelfTest({ deviceId }) {
      if (ctx.devices.frameLog(deviceId) === null) {
        return err('unknown_device', `no device "${deviceId}"`);
      }
      const result = await ctx.devices.selfTest(deviceId);
      return result.ok
        ? ok({
            code: result.value.code,
            summary: result.value.summary,
            facts: { ...result.value.facts },
          })
        : err('self_test_failed', `${result.error.code}: ${result.error.message}`, [
            { path: 'device', code: result.error.code, message: result.error.message },
          ]);
    },
    async getFrameLog({ deviceId }) {
      const log = ctx.devices.frameLog(deviceId);
      return log === null ? err('unknown_device', `no device "${deviceId}"`) : ok([...log]);
    },
    async exportReadinessReport() {
      const report = { generatedAt: ctx.clock.now().toISOString(), ...(await diagnostics()) };
      const ready = report.checks.every((c) => c.ok);
      const dir = join(ctx.dataDir, 'reports');
      const path = join(dir, `readiness-${report.generatedAt.replace(/[:.]/g, '-')}.json`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path, `${JSON.stringify({ ready, ...report }, null, 2)}\n`);
      } catch (cause) {
        return err('write_failed', cause instanceof Error ? cause.message : String(cause));
      }
      ctx.log.info('readiness.exported', { ready, path });
      return ok({ path, ready, checks: report.checks });
    },
  };
}
