import { createHash } from 'node:crypto';
import type { Clock } from '../../core/clock';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskHandlers } from '../../core/api/contract';
import type { CallerAccess } from '../api/dispatch';
import type { AuditLog } from '../audit/audit-log';
import { coalescedAudit } from '../audit/coalesce';
import type { KioskConfig } from '../config/schema';
import { cardProblemOf } from '../devices/idcard/card-problem';
import { createDemoRig, hasSimulatedDevice, type DemoControls } from '../devices/demo/demo-rig';
import { openDeviceLink } from '../devices/managed/links';
import { createDeviceManager, type DeviceManager } from '../devices/manager';
import type { Logger } from '../shared/log';
import { ok, type Result } from '../../core/result';
import type { DataKeySource } from '../store/data-key';
import { storageStatus } from '../store/disk-space';
import { checkIdNumber } from '../../rules/engine/id-number';
import { createPaymentDesk } from '../payment/desk';
import { createPaymentStore } from '../store/payments';
import { createBackOfficeClient, type BackOfficeClient } from '../sync/client';
import { createEvaluationSender } from '../sync/evaluations';
import { createSyncWorker, type SyncWorker } from '../sync/worker';
import { startFailure, type StartFailure } from './start-failure';
import { openStorage, type Storage } from './storage';
import type { KioskContext, KioskEventListener, SystemPrinter } from './context';
import { captureHandlers } from './handlers/captures';
import { demoHandlers } from './handlers/demo';
import { diagnosticsHandlers } from './handlers/diagnostics';
import { guideHandlers } from './handlers/guide';
import { infoHandlers } from './handlers/info';
import { inputHandlers } from './handlers/input';
import { createHandwriting } from '../input/handwriting';
import { createFaceEngine } from '../face/engine';
import { createSpeechEngine } from '../speech/engine';
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
import { keepBeating, type Heartbeat } from './heartbeat';
import { createHelpDesk, type HelpDesk } from './help-desk';
import { helpHandlers } from './handlers/help';
import { loadRuleSet, type RulePolicy, type RuleSet } from './rule-files';
import { createRuleUpdater } from './rule-updates';
import { createSessionKeeper } from './session';
import { lockoutFile } from './lockout-file';
import { createStaffAuth, staffPolicy } from './staff-auth';

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
  // The sync worker asks for newer rules after each heartbeat; what applies them is built with the service.
  const hooks = {
    afterHeartbeat: (): void => undefined,
    rulesVersion: (): string | null => null,
  };
  const sync = createSync(options, storage.value, devices, help, hooks);
  if (!sync.ok) {
    audit.close();
    db.close();
    return startFailure('back_office', sync.error);
  }
  // An answered call leaves the back office's view at once too.
  help.onChange((request) => {
    if (request === null) void sync.value?.worker.beatNow();
  });
  const service = buildService(
    options,
    storage.value,
    devices,
    // The dock's controls only where the config says it is a demo: a simulated device alone opens none.
    options.config.demo ? (rig?.controls ?? null) : null,
    sync.value?.worker ?? null,
    sync.value?.client ?? null,
    help,
    hooks,
  );
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
  hooks: { afterHeartbeat: () => void; rulesVersion: () => string | null },
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
      rulesVersion: () => hooks.rulesVersion(),
      log: options.log,
      audit: storage.audit,
      clock: options.clock,
      afterHeartbeat: () => hooks.afterHeartbeat(),
    }),
  });
}

/** Records config and rule changes since the last start: hashes only, the files themselves are not personal but are long. */
function auditStart(options: KioskServiceOptions, audit: AuditLog, ruleSet: RuleSet): void {
  const configHash = createHash('sha256')
    .update(JSON.stringify(options.config))
    .digest('hex')
    .slice(0, 16);
  const rulesHash = createHash('sha256')
    .update(
      [...ruleSet.rules.values()]
        .map((r) => `${r.rule.id}@${r.hash}`)
        .sort()
        .join(','),
    )
    .digest('hex')
    .slice(0, 16);
  const statePath = join(options.dataDir, 'audit', 'last-start.json');
  let last: { config?: string; rules?: string } = {};
  try {
    last = JSON.parse(readFileSync(statePath, 'utf8')) as typeof last;
  } catch {
    // First start, or the file was removed: everything counts as changed.
  }
  audit.record('system', 'app.start', {
    version: options.version,
    kioskId: options.config.kioskId,
    config: configHash,
    rules: rulesHash,
  });
  if (last.config !== configHash)
    audit.record('system', 'config.changed', { from: last.config ?? null, to: configHash });
  if (last.rules !== rulesHash) {
    audit.record('system', 'rules.changed', {
      from: last.rules ?? null,
      to: rulesHash,
      services: ruleSet.rules.size,
      refused: ruleSet.problems.length,
      bundle: ruleSet.bundle?.version ?? null,
      reviewedBy: ruleSet.bundle?.reviewedBy ?? null,
      source: ruleSet.bundle?.source ?? 'unsigned',
    });
  }
  // A refused bundle is a security event, whether or not the rules in use changed.
  for (const problem of ruleSet.problems.filter((p) => p.file.endsWith('bundle.json'))) {
    audit.record('system', 'rules.bundle_refused', {
      file: problem.file,
      action: problem.action,
      reason: problem.problems[0]?.message ?? '',
      serving: ruleSet.bundle?.version ?? null,
    });
  }
  try {
    writeFileSync(statePath, JSON.stringify({ config: configHash, rules: rulesHash }));
  } catch {
    // Not fatal: the next start records a change it cannot confirm.
  }
}

function buildService(
  options: KioskServiceOptions,
  storage: Storage,
  devices: DeviceManager,
  demo: DemoControls | null,
  sync: SyncWorker | null,
  client: BackOfficeClient | null,
  help: HelpDesk,
  hooks: { afterHeartbeat: () => void; rulesVersion: () => string | null },
): KioskService {
  const { config, log } = options;
  const { store, outbox } = storage;
  // Staff and technician actions reach the back office's audit anchor at once, not at the next heartbeat.
  const audit: AuditLog =
    sync === null
      ? storage.audit
      : {
          ...storage.audit,
          record(actor, action, fields) {
            storage.audit.record(actor, action, fields);
            if (actor === 'guide' || actor === 'technician') void sync.beatNow();
          },
        };
  const policy = rulePolicy(options);
  const loadRules = (): RuleSet =>
    loadRuleSet(options.rulesDir, join(options.dataDir, 'rules-last-good'), policy);
  const ruleSet = loadRules();
  for (const problem of ruleSet.problems) {
    log.error('rules.refused', {
      file: problem.file,
      action: problem.action,
      problems: problem.problems.length,
      first: `${problem.problems[0]?.path ?? ''} ${problem.problems[0]?.message ?? ''}`,
    });
  }
  const sessions = createSessionKeeper(options.clock);
  const staffRules = staffPolicy(config.staff);
  const staff = createStaffAuth(
    {
      ...(config.staff.guidePinHash ? { guide: config.staff.guidePinHash } : {}),
      ...(config.staff.technicianPinHash ? { technician: config.staff.technicianPinHash } : {}),
    },
    options.clock,
    staffRules,
    lockoutFile(join(options.dataDir, 'staff-lockout.json'), log, staffRules.lockout.freeAttempts),
    () => sessions.current()?.id ?? null,
  );
  const listeners = new Set<KioskEventListener>();
  const emit: KioskEventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  // A sign-in ends with its citizen session, whatever ended it: the next person never inherits it.
  sessions.onChange(() => staff.current());
  staff.onEnd((role, reason) => {
    log.info('staff.lock', { role, reason });
    audit.record(role, 'staff.lock', { reason });
    emit('staffChanged', { role: null });
  });
  help.onChange((request) => emit('helpRequest', request));
  let cardOnReader = false;

  devices.onIdCard((deviceId, event) => {
    switch (event.type) {
      case 'card-present':
        cardOnReader = true;
        emit('cardPresent', {});
        return;
      case 'card-read': {
        const session = sessions.current();
        // The raw WLT bytes are not kept: the decoded picture (if any) is all the screen needs.
        event.photo.fill(0);
        // A card read outside a session belongs to nobody at the screen: drop it.
        if (session === null) {
          event.image?.bytes.fill(0);
          return;
        }
        session.cardImage?.bytes.fill(0);
        session.identity = event.identity;
        session.cardImage = event.image;
        log.info('idcard.read', { device: deviceId, kind: event.identity.kind });
        emit('cardRead', { identity: event.identity });
        return;
      }
      case 'card-removed':
        cardOnReader = false;
        emit('cardRemoved', {});
        return;
      case 'error':
        emit('cardError', { problem: cardProblemOf(event.code) });
        return;
      case 'recovered':
        return;
    }
  });
  devices.onScan((event) => emit('scan', { deviceId: event.deviceId, text: event.text }));
  const deviceStates = new Map<string, string>();
  // A loose cable flaps: the first change is written, the rest of the minute folded into one line.
  const deviceChanges = coalescedAudit(audit, 'system', 'device.state_flapping', options.clock);
  devices.onHealth((health) => {
    for (const device of health) {
      const before = deviceStates.get(device.id);
      if (before !== undefined && before !== device.state) {
        deviceChanges.change(device.id, device.state, () =>
          audit.record('system', 'device.state_changed', {
            device: device.id,
            kind: device.kind,
            from: before,
            to: device.state,
            error: device.lastError,
          }),
        );
      }
      deviceStates.set(device.id, device.state);
    }
    emit(
      'devicesChanged',
      health.map(({ id, kind, state }) => ({ id, kind, state })),
    );
  });

  // Started on first use, never at start-up: the models load only when a citizen meets the camera.
  const faceEngine = createFaceEngine({
    distDir: options.engineDir ?? __dirname,
    timeoutMs: config.face.timeoutMs,
    loadTimeoutMs: config.face.loadTimeoutMs,
    log,
    clock: options.clock,
  });
  if (config.face.enabled && !faceEngine.available)
    log.error('face.unavailable', { problem: faceEngine.problem ?? 'unknown' });
  // Also on first use: a kiosk whose system has a voice, or a citizen with the voice off, never loads it.
  const speech = createSpeechEngine({
    distDir: options.engineDir ?? __dirname,
    timeoutMs: 10_000,
    log,
    clock: options.clock,
  });
  if (!speech.available) log.warn('speech.unavailable', { problem: speech.problem ?? 'unknown' });
  const face = createFaceDesk({
    engine: faceEngine,
    settings: config.face,
    clock: options.clock,
    audit,
    log,
  });
  const payments = createPaymentDesk({
    store: createPaymentStore(storage.db),
    client,
    clock: options.clock,
    audit,
    log,
    settings: config.payment,
    isIdNumber: (value) =>
      checkIdNumber(value, options.clock.now().toISOString().slice(0, 10)) === null,
  });
  // The citizen is gone: an order left open is cancelled (reversed if the money went through).
  sessions.onEnded((ended) => {
    if (ended.paymentOrder !== null) void payments.abandon(ended.paymentOrder, 'left');
  });
  const evaluationSender =
    client === null
      ? null
      : createEvaluationSender({
          store: storage.evaluations,
          client,
          clock: options.clock,
          log,
          audit,
        });
  const ctx: KioskContext = {
    config,
    dataDir: options.dataDir,
    version: options.version,
    log,
    clock: options.clock,
    ruleSet,
    store,
    outbox,
    audit,
    sync,
    keyProtection: storage.keyProtection,
    storage: () => storageStatus(options.dataDir, config.storage.minFreeMb),
    systemPrinter: options.systemPrinter ?? null,
    devices,
    demo,
    sessions,
    staff,
    help,
    emit,
    cardOnReader: () => cardOnReader,
    handwriting: createHandwriting(),
    speech,
    face,
    faceEnabled:
      config.face.enabled &&
      config.devices.some((d) => d.kind === 'camera') &&
      faceEngine.available,
    sessionEnded: () => undefined,
    evaluations: storage.evaluations,
    sendEvaluations: () => void evaluationSender?.send(),
    payments,
    paysHere: (serviceId) =>
      config.payment.enabled && client !== null && config.payment.services.includes(serviceId),
    endorsements: client,
  };
  hooks.rulesVersion = () => ctx.ruleSet.bundle?.version ?? null;
  if (sync !== null && policy.signature === 'required' && policy.incomingDir !== undefined) {
    const updater = createRuleUpdater({
      fetch: (after) => sync.fetchRules(after),
      policy: { ...policy, incomingDir: policy.incomingDir },
      currentVersion: () => ctx.ruleSet.bundle?.version ?? null,
      sessionActive: () => sessions.current() !== null,
      apply: () => {
        const before = ctx.ruleSet.bundle?.version ?? null;
        ctx.ruleSet = loadRules();
        audit.record('system', 'rules.applied', {
          from: before,
          to: ctx.ruleSet.bundle?.version ?? null,
          source: ctx.ruleSet.bundle?.source ?? null,
          services: ctx.ruleSet.rules.size,
          refused: ctx.ruleSet.problems.length,
        });
        emit('rulesChanged', { version: ctx.ruleSet.bundle?.version ?? null });
        return ctx.ruleSet.bundle?.version ?? null;
      },
      refusedFile: join(options.dataDir, 'rules-refused.json'),
      log,
      audit,
    });
    hooks.afterHeartbeat = () => void updater.check();
    ctx.sessionEnded = () => updater.sessionEnded();
  }
  // After each heartbeat (the back office answered): 好差评 left waiting while it was away.
  const afterBeatRules = hooks.afterHeartbeat;
  hooks.afterHeartbeat = () => {
    afterBeatRules();
    void evaluationSender?.send();
    // A cancellation the back office could not take when the citizen left is tried again.
    void payments.settleAll((orderNo) => sessions.current()?.payment?.orderNo === orderNo);
  };
  const { heartbeatFile } = options;
  let stopBeating: (() => void) | null = null;
  const beat = (): Heartbeat => {
    const queue = outbox.summary(options.clock.now()).counts;
    const unsettled = payments.unsettled();
    const space = ctx.storage();
    return {
      status: 'serving',
      at: options.clock.now().toISOString(),
      pid: process.pid,
      version: options.version,
      kioskId: config.kioskId,
      devices: devices
        .health()
        .map(({ id, kind, state, lastError }) => ({ id, kind, state, lastError })),
      queue: {
        waiting: queue.queued + queue.sending + queue.needs_attention,
        needsAttention: queue.needs_attention,
      },
      payments: {
        open: unsettled.filter((o) => o.attention === null).length,
        refundAtWindow: unsettled.filter((o) => o.attention !== null).length,
      },
      storage: { freeMb: space.freeMb, ok: space.ok },
      keyProtection: storage.keyProtection,
    };
  };

  const handlers: KioskHandlers = {
    ...infoHandlers(ctx),
    ...inputHandlers(ctx),
    ...sessionHandlers(ctx),
    ...submitHandlers(ctx),
    ...statusHandlers(ctx),
    ...printingHandlers(ctx),
    ...captureHandlers(ctx),
    ...guideHandlers(ctx),
    ...queueHandlers(ctx),
    ...helpHandlers(ctx),
    ...staffHandlers(ctx),
    ...diagnosticsHandlers(ctx),
    ...faceHandlers(ctx),
    ...paymentHandlers(ctx),
    ...ratingHandlers(ctx),
    ...demoHandlers(ctx),
  };

  return {
    handlers,
    // A citizen unless a PIN unlocked a staff role.
    access: { role: () => staff.current() ?? 'citizen', touch: () => staff.touch() },
    // The rules in use now: a newer bundle may have replaced the ones loaded at start.
    get ruleSet() {
      return ctx.ruleSet;
    },
    technicianUnlocked: () => staff.current() === 'technician',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      auditStart(options, audit, ruleSet);
      await devices.start();
      sync?.start();
      // Orders a killed or stopped kiosk left open: asked about and settled before anyone pays again.
      if (client !== null)
        void payments.settleAll().then((open) => {
          if (open > 0) log.warn('payment.unsettled_at_start', { open });
        });
      if (heartbeatFile !== undefined) stopBeating = keepBeating(heartbeatFile, beat, log);
    },
    async stop() {
      // A stopped kiosk has no heartbeat: readiness says "not running", not stale states.
      stopBeating?.();
      sessions.end();
      await sync?.stop();
      await devices.stop();
      deviceChanges.stop();
      await faceEngine.stop();
      await speech.stop();
    },
  };
}
