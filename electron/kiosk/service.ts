import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { KioskHandlers } from '../api/contract';
import type { KioskConfig } from '../config/schema';
import { createDeviceManager, type DeviceManager } from '../devices/manager';
import type { Logger } from '../shared/log';
import { err, ok, type Result } from '../shared/result';
import { createApplicationStore, type ApplicationStore } from '../store/applications';
import { loadOrCreateKeyFile } from '../store/crypto';
import { openDatabase } from '../store/database';
import type { KioskContext, KioskEventListener } from './context';
import { demoHandlers } from './handlers/demo';
import { journeyHandlers } from './handlers/journey';
import { staffHandlers } from './handlers/staff';
import { loadRuleSet, type RuleSet } from './rule-files';
import { createSessionKeeper } from './session';
import { createStaffAuth } from './staff-auth';

export type { KioskEventListener } from './context';

export interface KioskService {
  readonly handlers: KioskHandlers;
  /** Transports (IPC, WebSocket) subscribe here to forward events to the screen. */
  readonly subscribe: (listener: KioskEventListener) => () => void;
  readonly ruleSet: RuleSet;
  /** The unlocked staff role, for Electron's keyboard lockdown. */
  readonly technicianUnlocked: () => boolean;
  readonly start: () => Promise<void>;
  readonly stop: () => Promise<void>;
}

export interface KioskServiceOptions {
  readonly config: KioskConfig;
  readonly dataDir: string;
  readonly rulesDir: string;
  readonly version: string;
  readonly log: Logger;
  readonly now?: () => Date;
}

export function openKioskService(options: KioskServiceOptions): Result<KioskService> {
  const key = loadOrCreateKeyFile(join(options.dataDir, 'keys', 'data.key'));
  if (!key.ok) return key;
  let db: DatabaseSync;
  try {
    db = openDatabase(join(options.dataDir, 'kiosk.sqlite'));
  } catch (cause) {
    return err('database_unavailable', cause instanceof Error ? cause.message : String(cause));
  }
  const store = createApplicationStore(db, key.value);
  const devices = createDeviceManager(options.config.devices, options.log);
  const service = buildService(options, store, devices);
  return ok({
    ...service,
    async stop() {
      await service.stop();
      db.close();
    },
  });
}

function buildService(
  options: KioskServiceOptions,
  store: ApplicationStore,
  devices: DeviceManager,
): KioskService {
  const { config, log } = options;
  const ruleSet = loadRuleSet(options.rulesDir, join(options.dataDir, 'rules-last-good'));
  for (const problem of ruleSet.problems) {
    log.error('rules.refused', {
      file: problem.file,
      action: problem.action,
      problems: problem.problems.length,
      first: `${problem.problems[0]?.path ?? ''} ${problem.problems[0]?.message ?? ''}`,
    });
  }
  const sessions = createSessionKeeper();
  const staff = createStaffAuth({
    ...(config.staff.guidePinHash ? { guide: config.staff.guidePinHash } : {}),
    ...(config.staff.technicianPinHash ? { technician: config.staff.technicianPinHash } : {}),
  });
  const listeners = new Set<KioskEventListener>();
  const emit: KioskEventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  let cardOnReader = false;

  devices.onIdCard((deviceId, event) => {
    switch (event.type) {
      case 'card-present':
        cardOnReader = true;
        emit('cardPresent', {});
        return;
      case 'card-read': {
        const session = sessions.current();
        // A card read outside a session belongs to nobody at the screen: drop it.
        if (session === null) return;
        session.identity = event.identity;
        log.info('idcard.read', { device: deviceId, kind: event.identity.kind });
        emit('cardRead', { identity: event.identity });
        return;
      }
      case 'card-removed':
        cardOnReader = false;
        emit('cardRemoved', {});
        return;
      case 'error':
        emit('cardError', { code: event.code });
        return;
      case 'recovered':
        return;
    }
  });
  devices.onScan((event) => emit('scan', { deviceId: event.deviceId, text: event.text }));
  devices.onHealth((health) => emit('devicesChanged', [...health]));

  const ctx: KioskContext = {
    config,
    dataDir: options.dataDir,
    version: options.version,
    log,
    now: options.now ?? (() => new Date()),
    ruleSet,
    store,
    devices,
    sessions,
    staff,
    emit,
    cardOnReader: () => cardOnReader,
  };
  const handlers: KioskHandlers = {
    ...journeyHandlers(ctx),
    ...staffHandlers(ctx),
    ...demoHandlers(ctx),
  };

  return {
    handlers,
    ruleSet,
    technicianUnlocked: () => staff.current() === 'technician',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => devices.start(),
    async stop() {
      sessions.end();
      await devices.stop();
    },
  };
}
