import type { Clock } from '../../core/clock';
import { join } from 'node:path';
import type { KioskHandlers } from '../../core/api/contract';
import type { CallerAccess } from '../api/dispatch';
import type { AuditLog } from '../audit/audit-log';
import type { KioskConfig } from '../config/schema';
import { createDemoRig, hasSimulatedDevice, type DemoControls } from '../devices/demo/demo-rig';
import { openDeviceLink } from '../devices/managed/links';
import { createDeviceManager, type DeviceManager } from '../devices/manager';
import type { Logger } from '../shared/log';
import { ok, type Result } from '../../core/result';
import type { DataKeySource } from '../store/data-key';
import { storageStatus, type StorageStatus } from '../store/disk-space';
import { checkIdNumber } from '../../rules/engine/id-number';
import { createPaymentDesk, type PaymentDesk } from '../payment/desk';
import { createPaymentStore } from '../store/payments';
import { createBackOfficeClient, type BackOfficeClient } from '../sync/client';
import { createEvaluationSender } from '../sync/evaluations';
import { createSyncWorker, type SyncWorker } from '../sync/worker';
import { startFailure, type StartFailure } from './start-failure';
import { openStorage, type Storage } from './storage';
import type { KioskParts, KioskEventListener, SystemPrinter } from './context';
import { captureHandlers } from './handlers/captures';
import { demoHandlers } from './handlers/demo';
import { diagnosticsHandlers } from './handlers/diagnostics';
import { guideHandlers } from './handlers/guide';
import { infoHandlers } from './handlers/info';
import { inputHandlers } from './handlers/input';
import { createHandwriting } from '../input/handwriting';
import { createFaceEngine, type FaceEngine } from '../face/engine';
import { createSpeechEngine, type SpeechEngine } from '../speech/engine';
import { createFaceDesk } from './face-desk';
import { faceHandlers } from './handlers/face';
import { paymentHandlers } from './handlers/payment';
import { printingHandlers } from './handlers/printing';
import { ratingHandlers } from './handlers/rating';
import { queueHandlers } from './handlers/queue';
import { sessionHandlers } from './handlers/session';
import { staffHandlers } from './handlers/staff';
import { statusHandlers } from './handlers/status';
import { submitHandlers } from './handlers/submit';
import { keepBeating, servingBeat } from './heartbeat';
import { createHelpDesk, type HelpDesk } from './help-desk';
import { helpHandlers } from './handlers/help';
import type { RulePolicy, RuleSet } from './rule-files';
import { createRuleHolder, type RuleHolder } from './rule-holder';
import { auditStart } from './audit-start';
import { forwardCardEvents } from './card-events';
import { auditDeviceHealth } from './device-health-audit';
import { scheduleRuleUpdates } from './rule-updates';
import { createSessionKeeper, type SessionKeeper } from './session';
import { lockoutFile } from './lockout-file';
import { createStaffAuth, staffPolicy, type StaffAuth } from './staff-auth';

export type { KioskEventListener } from './context';

export interface KioskService {
  readonly handlers: KioskHandlers;
  /** Who is calling, for dispatch's role check: the staff sign-in. */
  readonly access: CallerAccess;
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
  /** Electron prints the A4 form itself; the web host has no system printer. */
  readonly systemPrinter?: SystemPrinter;
  /** Electron passes safeStorage; the web host and tests use the 0600 key file. */
  readonly dataKey?: DataKeySource;
  /** The one clock: the system's, or a test clock set at launch. */
  readonly clock: Clock;
  /** Where to write the heartbeat the watchdog and `police-kiosk readiness` read; none when unset. */
  readonly heartbeatFile?: string;
  /** A packaged kiosk requires signed rule bundles unless its config says otherwise. */
  readonly packaged?: boolean;
  /**
   * Where the engines' threads are (dist/electron) with their files beside it (dist/face,
   * dist/speech); this bundle's folder by default.
   */
  readonly engineDir?: string;
}

/** Signed bundles where the config asks for them, or by default in a packaged kiosk. */
export function rulePolicy(options: KioskServiceOptions): RulePolicy {
  const { rules } = options.config;
  const signature = rules.signature ?? (options.packaged === true ? 'required' : 'optional');
  switch (signature) {
    case 'optional':
      return { signature };
    case 'required':
      return {
        signature,
        trustedKeys: rules.trustedKeys,
        goodBundleDir: join(options.dataDir, 'rules-bundle'),
        incomingDir: join(options.dataDir, 'rules-incoming'),
      };
  }
}

export async function openKioskService(
  options: KioskServiceOptions,
): Promise<Result<KioskService, StartFailure>> {
  const storage = await openStorage(options);
  if (!storage.ok) return storage;
  const { db, audit } = storage.value;
  // Demo mode in one place: simulated devices are reached through the rig's links, the dock through its controls.
  const rig = hasSimulatedDevice(options.config.devices)
    ? createDemoRig(options.config.devices, options.clock)
    : null;
  const devices = createDeviceManager(options.config.devices, {
    log: options.log,
    clock: options.clock,
    openLink: rig?.openLink ?? openDeviceLink,
  });
  const help = createHelpDesk({
    clock: options.clock,
    audit,
    log: options.log,
    // A call for help reaches the back office at once, not at the next heartbeat.
    notify: () => (sync.ok ? (sync.value?.worker.beatNow() ?? null) : null),
  });
  const policy = rulePolicy(options);
  const rules = createRuleHolder({
    rulesDir: options.rulesDir,
    dataDir: options.dataDir,
    policy,
    log: options.log,
  });
  const sync = createSync(options, storage.value, devices, help, rules);
  if (!sync.ok) {
    audit.close();
    db.close();
    return startFailure('back_office', sync.error);
  }
  // An answered call leaves the back office's view at once too.
  help.onChange((request) => {
    if (request === null) void sync.value?.worker.beatNow();
  });
  const service = buildService(options, {
    storage: storage.value,
    devices,
    // The dock's controls only where the config says it is a demo: a simulated device alone opens none.
    demo: options.config.demo ? (rig?.controls ?? null) : null,
    sync: sync.value?.worker ?? null,
    client: sync.value?.client ?? null,
    help,
    rules,
    policy,
  });
  return ok({
    ...service,
    async stop() {
      await service.stop();
      audit.record('system', 'app.stop', {});
      audit.close();
      db.close();
    },
  });
}

/** The sync worker when a back office is configured; without one, applications stay queued and the UI says so. */
function createSync(
  options: KioskServiceOptions,
  storage: Storage,
  devices: DeviceManager,
  help: HelpDesk,
  rules: RuleHolder,
): Result<{ readonly worker: SyncWorker; readonly client: BackOfficeClient } | null> {
  const { config } = options;
  if (config.backOffice === null) return ok(null);
  const client = createBackOfficeClient(config.backOffice, config.kioskId, {
    timeoutMs: config.sync.requestTimeoutMs,
    maxSockets: config.sync.concurrency * 2 + 1,
    clock: options.clock,
  });
  if (!client.ok) return client;
  return ok({
    client: client.value,
    worker: createSyncWorker({
      outbox: storage.outbox,
      client: client.value,
      settings: config.sync,
      kioskId: config.kioskId,
      stationCode: config.station.code,
      version: options.version,
      statusRetentionDays: config.storage.statusRetentionDays,
      devices: () => devices.health().map(({ id, kind, state }) => ({ id, kind, state })),
      helpRequested: () => {
        const call = help.current();
        return call === null ? null : { since: call.since, screen: call.screen };
      },
      rulesVersion: rules.version,
      log: options.log,
      audit: storage.audit,
      clock: options.clock,
    }),
  });
}

/** What openKioskService made before the service: storage, devices, the back office link, the rules. */
interface Foundation {
  readonly storage: Storage;
  readonly devices: DeviceManager;
  readonly demo: DemoControls | null;
  readonly sync: SyncWorker | null;
  readonly client: BackOfficeClient | null;
  readonly help: HelpDesk;
  readonly rules: RuleHolder;
  /** The rule policy the holder loads with; the updater follows the same. */
  readonly policy: RulePolicy;
}

/** Staff and technician actions reach the back office's audit anchor at once, not at the next heartbeat. */
function auditBeatingForStaff(audit: AuditLog, sync: SyncWorker | null): AuditLog {
  if (sync === null) return audit;
  return {
    ...audit,
    record(actor, action, fields) {
      audit.record(actor, action, fields);
      if (actor === 'guide' || actor === 'technician') void sync.beatNow();
    },
  };
}

/** The staff PINs, their lockout kept on disk, and each sign-in tied to the citizen session it began in. */
function createStaff(options: KioskServiceOptions, sessions: SessionKeeper): StaffAuth {
  const { config, log } = options;
  const staffRules = staffPolicy(config.staff);
  return createStaffAuth(
    {
      ...(config.staff.guidePinHash ? { guide: config.staff.guidePinHash } : {}),
      ...(config.staff.technicianPinHash ? { technician: config.staff.technicianPinHash } : {}),
    },
    options.clock,
    staffRules,
    lockoutFile(join(options.dataDir, 'staff-lockout.json'), log, staffRules.lockout.freeAttempts),
    () => sessions.current()?.id ?? null,
  );
}

/** The face model and the voice, each started on first use, never at start-up. */
function createEngines(options: KioskServiceOptions): {
  readonly faceEngine: FaceEngine;
  readonly speech: SpeechEngine;
} {
  const { config, log } = options;
  // The models load only when a citizen meets the camera.
  const faceEngine = createFaceEngine({
    distDir: options.engineDir ?? __dirname,
    timeoutMs: config.face.timeoutMs,
    loadTimeoutMs: config.face.loadTimeoutMs,
    log,
    clock: options.clock,
  });
  if (config.face.enabled && !faceEngine.available)
    log.error('face.unavailable', { problem: faceEngine.problem ?? 'unknown' });
  // A kiosk whose system has a voice, or a citizen with the voice off, never loads it.
  const speech = createSpeechEngine({
    distDir: options.engineDir ?? __dirname,
    timeoutMs: 10_000,
    log,
    clock: options.clock,
  });
  if (!speech.available) log.warn('speech.unavailable', { problem: speech.problem ?? 'unknown' });
  return { faceEngine, speech };
}

/** 缴费 through the back office; an order its citizen left open is cancelled (reversed if paid). */
function createPayments(
  options: KioskServiceOptions,
  storage: Storage,
  client: BackOfficeClient | null,
  audit: AuditLog,
  sessions: SessionKeeper,
): PaymentDesk {
  const payments = createPaymentDesk({
    store: createPaymentStore(storage.db),
    client,
    clock: options.clock,
    audit,
    log: options.log,
    settings: options.config.payment,
    isIdNumber: (value) =>
      checkIdNumber(value, options.clock.now().toISOString().slice(0, 10)) === null,
  });
  sessions.onEnded((ended) => {
    if (ended.paymentOrder !== null) void payments.abandon(ended.paymentOrder, 'left');
  });
  return payments;
}

function buildService(options: KioskServiceOptions, foundation: Foundation): KioskService {
  const { config, log, clock } = options;
  const { storage, devices, sync, client, help, rules } = foundation;
  const audit = auditBeatingForStaff(storage.audit, sync);
  const sessions = createSessionKeeper(clock);
  const staff = createStaff(options, sessions);
  const { emit, subscribe } = createEvents();
  // A sign-in ends with its citizen session, whatever ended it: the next person never inherits it.
  sessions.onChange(() => staff.current());
  staff.onEnd((role, reason) => {
    log.info('staff.lock', { role, reason });
    audit.record(role, 'staff.lock', { reason });
    emit('staffChanged', { role: null });
  });
  help.onChange((request) => emit('helpRequest', request));
  const cardOnReader = forwardCardEvents(devices, sessions, emit, log);
  devices.onScan((event) => emit('scan', { deviceId: event.deviceId, text: event.text }));
  const stopDeviceAudit = auditDeviceHealth(devices, audit, clock, emit);
  const { faceEngine, speech } = createEngines(options);
  const face = createFaceDesk({ engine: faceEngine, settings: config.face, clock, audit, log });
  const payments = createPayments(options, storage, client, audit, sessions);
  const evaluationSender =
    client === null
      ? null
      : createEvaluationSender({ store: storage.evaluations, client, clock, log, audit });
  scheduleRuleUpdates({
    sync,
    policy: foundation.policy,
    rules,
    sessions,
    dataDir: options.dataDir,
    emit,
    log,
    audit,
  });
  sync?.onHeartbeat(() => {
    // 好差评 left waiting while the back office was away.
    void evaluationSender?.send();
    // A cancellation the back office could not take when the citizen left is tried again.
    void payments.settleAll((orderNo) => sessions.current()?.payment?.orderNo === orderNo);
  });
  const storageNow = (): StorageStatus => storageStatus(options.dataDir, config.storage.minFreeMb);
  const parts: KioskParts = {
    config,
    dataDir: options.dataDir,
    version: options.version,
    log,
    clock,
    // The rules in use now: a newer bundle may have replaced the ones loaded at start.
    get ruleSet() {
      return rules.current();
    },
    store: storage.store,
    outbox: storage.outbox,
    audit,
    sync,
    keyProtection: storage.keyProtection,
    storage: storageNow,
    systemPrinter: options.systemPrinter ?? null,
    devices,
    demo: foundation.demo,
    sessions,
    staff,
    help,
    emit,
    cardOnReader,
    handwriting: createHandwriting(),
    speech,
    face,
    faceEnabled:
      config.face.enabled &&
      config.devices.some((d) => d.kind === 'camera') &&
      faceEngine.available,
    evaluations: storage.evaluations,
    sendEvaluations: () => void evaluationSender?.send(),
    payments,
    paysHere: (serviceId) =>
      config.payment.enabled && client !== null && config.payment.services.includes(serviceId),
    endorsements: client,
  };
  const beat = servingBeat({
    clock,
    version: options.version,
    kioskId: config.kioskId,
    keyProtection: storage.keyProtection,
    devices,
    outbox: storage.outbox,
    payments,
    storage: storageNow,
  });
  let stopBeating: (() => void) | null = null;
  return {
    handlers: handlersOf(parts),
    // A citizen unless a PIN unlocked a staff role.
    access: { role: () => staff.current() ?? 'citizen', touch: () => staff.touch() },
    get ruleSet() {
      return rules.current();
    },
    technicianUnlocked: () => staff.current() === 'technician',
    subscribe,
    async start() {
      auditStart(options, audit, rules.current());
      await devices.start();
      sync?.start();
      // Orders a killed or stopped kiosk left open: asked about and settled before anyone pays again.
      if (client !== null)
        void payments.settleAll().then((open) => {
          if (open > 0) log.warn('payment.unsettled_at_start', { open });
        });
      if (options.heartbeatFile !== undefined)
        stopBeating = keepBeating(options.heartbeatFile, beat, log, clock);
    },
    async stop() {
      // A stopped kiosk has no heartbeat: readiness says "not running", not stale states.
      stopBeating?.();
      sessions.end();
      await sync?.stop();
      await devices.stop();
      stopDeviceAudit();
      await faceEngine.stop();
      await speech.stop();
    },
  };
}

/** The kiosk's events, to every transport (IPC, WebSocket) that subscribed. */
function createEvents(): {
  readonly emit: KioskEventListener;
  readonly subscribe: KioskService['subscribe'];
} {
  const listeners = new Set<KioskEventListener>();
  return {
    emit: (event, payload) => {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Every contract method, each group given only the parts it names. */
function handlersOf(parts: KioskParts): KioskHandlers {
  return {
    ...infoHandlers(parts),
    ...inputHandlers(parts),
    ...sessionHandlers(parts),
    ...submitHandlers(parts),
    ...statusHandlers(parts),
    ...printingHandlers(parts),
    ...captureHandlers(parts),
    ...guideHandlers(parts),
    ...queueHandlers(parts),
    ...helpHandlers(parts),
    ...staffHandlers(parts),
    ...diagnosticsHandlers(parts),
    ...faceHandlers(parts),
    ...paymentHandlers(parts),
    ...ratingHandlers(parts),
    ...demoHandlers(parts),
  };
}
