import type { Clock } from '../../core/clock';
import type { AuditLog } from '../audit/audit-log';
import { coalescedAudit } from '../audit/coalesce';
import type { DeviceManager } from '../devices/manager';
import type { KioskEventListener } from './context';

/**
 * Each change of a device's state, in the audit log and on the screen. A
 * loose cable flaps: the first change is written, the rest of the minute
 * folded into one line. Returns what stops the folding's timer.
 */
export function auditDeviceHealth(
  devices: DeviceManager,
  audit: AuditLog,
  clock: Clock,
  emit: KioskEventListener,
): () => void {
  const states = new Map<string, string>();
  const changes = coalescedAudit(audit, 'system', 'device.state_flapping', clock);
  devices.onHealth((health) => {
    for (const device of health) {
      const before = states.get(device.id);
      if (before !== undefined && before !== device.state) {
        changes.change(device.id, device.state, () =>
          audit.record('system', 'device.state_changed', {
            device: device.id,
            kind: device.kind,
            from: before,
            to: device.state,
            error: device.lastError,
          }),
        );
      }
      states.set(device.id, device.state);
    }
    emit(
      'devicesChanged',
      health.map(({ id, kind, state }) => ({ id, kind, state })),
    );
  });
  return () => changes.stop();
}
