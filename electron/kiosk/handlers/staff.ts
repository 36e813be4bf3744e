import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIMULATED_FAULTS } from '../../devices/manager';
import { listSerialPorts } from '../../devices/transport/serial';
import { err, ok, type Result } from '../../../core/result';
import type { HandlerGroup, KioskContext } from '../context';
import { readinessChecks, systemFacts } from '../diagnostics';

type StaffMethods =
  | 'staffUnlock'
  | 'staffLock'
  | 'staffStatus'
  | 'getDiagnostics'
  | 'deviceSelfTest'
  | 'getFrameLog'
  | 'exportReadinessReport';

/** Staff PIN unlock and the technician's diagnostics. No personal data anywhere in here. */
export function staffHandlers(ctx: KioskContext): HandlerGroup<StaffMethods> {
  const technician = (): Result<void> => {
    if (ctx.staff.current() !== 'technician') return err('staff_locked', 'technician PIN required');
    ctx.staff.touch();
    return ok(undefined);
  };

  const diagnostics = async () => {
    const system = await systemFacts(ctx.dataDir, ctx.version);
    const devices = [...ctx.devices.health()];
    const ruleProblems = ctx.ruleSet.problems.map((p) => ({
      file: p.file,
      action: p.action,
      problems: [...p.problems],
    }));
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
      },
      ruleProblems,
      checks: readinessChecks(devices, ctx.ruleSet.problems, system, ctx.ruleSet.rules.size),
      demoFaults:
        ctx.devices.demo === null
          ? {}
          : Object.fromEntries(
              ctx.config.devices
                .filter((d) => d.transport.type === 'simulated')
                .map((d) => [d.id, [...SIMULATED_FAULTS[d.kind]]]),
            ),
    };
  };

  return {
    async staffUnlock({ role, pin }) {
      const result = await ctx.staff.unlock(role, pin);
      if (result.ok) {
        ctx.log.info('staff.unlock', { role });
        ctx.audit.record(role, 'staff.unlock', {});
        return ok({ role });
      }
      ctx.log.warn('staff.unlock_refused', { role, reason: result.reason });
      ctx.audit.record('system', 'staff.unlock_refused', { role, reason: result.reason });
      switch (result.reason) {
        case 'no_pin_configured':
          return err('no_pin_configured', `no ${role} PIN is configured`);
        case 'wrong_pin':
          return err('wrong_pin', 'wrong PIN', [
            {
              path: 'attemptsBeforeLockout',
              code: 'count',
              message: String(result.attemptsBeforeLockout),
            },
          ]);
        case 'locked_out':
          return err('locked_out', 'too many wrong PINs', [
            {
              path: 'retryAfterSeconds',
              code: 'seconds',
              message: String(result.retryAfterSeconds),
            },
          ]);
      }
    },
    async staffLock() {
      const role = ctx.staff.current();
      ctx.staff.lock();
      if (role !== null) {
        ctx.log.info('staff.lock', { role });
        ctx.audit.record(role, 'staff.lock', {});
      }
      return ok({});
    },
    async staffStatus() {
      return ok({ role: ctx.staff.current() });
    },
    async getDiagnostics() {
      const allowed = technician();
      return allowed.ok ? ok(await diagnostics()) : allowed;
    },
    async deviceSelfTest({ deviceId }) {
      const allowed = technician();
      if (!allowed.ok) return allowed;
      const result = await ctx.devices.selfTest(deviceId);
      return result.ok
        ? ok({ summary: result.value.summary, facts: { ...result.value.facts } })
        : result;
    },
    async getFrameLog({ deviceId }) {
      const allowed = technician();
      if (!allowed.ok) return allowed;
      const log = ctx.devices.frameLog(deviceId);
      return log === null ? err('unknown_device', `no device "${deviceId}"`) : ok([...log]);
    },
    async exportReadinessReport() {
      const allowed = technician();
      if (!allowed.ok) return allowed;
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
