import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok } from '../../../core/result';
import { listSerialPorts } from '../../devices/transport/serial';
import type { HandlerGroup, KioskContext } from '../context';
import { protectionChecks } from '../../cli/readiness';

/** The face engine as the running kiosk has it: off, unable to run (and why), or loaded. */
function faceDiagnostics(ctx: KioskContext): { name: string; ok: boolean; detail: string } {
  const name = 'face check and photo';
  if (!ctx.config.face.enabled)
    return { name, ok: true, detail: 'off: the photo and the identity check are at the window' };
  const engine = ctx.face.engineStatus();
  if (!engine.available)
    return {
      name,
      ok: false,
      detail: `${engine.problem ?? 'the engine cannot run'}: the photo and the identity check go to the window`,
    };
  if (!ctx.faceEnabled)
    return {
      name,
      ok: false,
      detail: 'no camera is configured: the photo and the identity check go to the window',
    };
  return {
    name,
    ok: true,
    detail:
      engine.version === null
        ? 'ready; the models load on first use'
        : `${engine.version}, models loaded in ${engine.loadMs ?? 0} ms`,
  };
}
import { readinessChecks, systemFacts } from '../diagnostics';

type DiagnosticsMethods =
  'getDiagnostics' | 'deviceSelfTest' | 'getFrameLog' | 'exportReadinessReport';

/** The technician's diagnostics (dispatch lets only a technician here). No personal data anywhere in here. */
export function diagnosticsHandlers(ctx: KioskContext): HandlerGroup<DiagnosticsMethods> {
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
        // Every switch that turns a protection off, as `police-kiosk readiness` lists them.
        ...protectionChecks(ctx.config, ctx.dataDir, ctx.ruleSet.bundle !== null).map(
          ({ name, ok, detail }) => ({ name, ok, detail }),
        ),
      ],
      demoFaults: Object.fromEntries(
        Object.entries(ctx.demo?.faults() ?? {}).map(([id, faults]) => [id, [...faults]]),
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
