import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { todayInChina } from '../../rules/engine/dates';
import { evaluate } from '../../rules/engine/evaluate';
import { maskIdNumber } from '../../rules/engine/id-number';
import { describeRequirement } from '../../rules/engine/requirements';
import { timeLimitRange } from '../../rules/engine/time-limit';
import { holidayCalendar } from '../../rules/data/holidays';
import type { EventName, EventPayload, KioskHandlers, MethodOutput, Slip } from '../api/contract';
import type { KioskConfig } from '../config/schema';
import { createDeviceManager, type DeviceManager } from '../devices/manager';
import type { Logger } from '../shared/log';
import { err, ok, type Result } from '../shared/result';
import { createApplicationStore, type ApplicationStore } from '../store/applications';
import { loadOrCreateKeyFile } from '../store/crypto';
import { openDatabase } from '../store/database';
import { newApplicationNumber, parseApplicationNumber } from './application-number';
import { loadRuleSet, type RuleSet } from './rule-files';
import { createSessionKeeper } from './session';

export type KioskEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface KioskService {
  readonly handlers: KioskHandlers;
  /** Transports (IPC, WebSocket) subscribe here to forward events to the screen. */
  readonly subscribe: (listener: KioskEventListener) => () => void;
  readonly ruleSet: RuleSet;
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
  const now = options.now ?? (() => new Date());
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
    }
  });
  devices.onScan((event) => emit('scan', event));

  const serviceSummaries = (): MethodOutput<'listServices'> =>
    [...ruleSet.rules.values()].map(({ rule }) => ({
      id: rule.id,
      category: rule.category,
      name: rule.name,
      summary: rule.summary,
      feeText: rule.guide.feeNote,
      timeLimit: timeLimitRange(rule),
    }));

  const handlers: KioskHandlers = {
    async getKioskInfo() {
      return ok({
        kioskId: config.kioskId,
        version: options.version,
        station: {
          code: config.station.code,
          name: config.station.name,
          address: config.station.address,
          phone: config.station.phone,
          complaintPhone: config.station.complaintPhone,
        },
        demo: devices.demo !== null,
        backOfficeConfigured: config.backOffice !== null,
        idle: config.idle,
        defaultLocale: config.defaultLocale,
      });
    },
    async listServices() {
      return ok(serviceSummaries());
    },
    async getService({ serviceId }) {
      const loaded = ruleSet.rules.get(serviceId);
      return loaded === undefined
        ? err('unknown_service', `no service "${serviceId}"`)
        : ok(loaded.rule);
    },
    async startSession({ serviceId }) {
      if (!ruleSet.rules.has(serviceId)) return err('unknown_service', `no service "${serviceId}"`);
      const session = sessions.start(serviceId);
      log.info('session.start', { session: session.id, service: serviceId });
      return ok({ sessionId: session.id, staleCardOnReader: cardOnReader });
    },
    async endSession({ reason }) {
      const ended = sessions.end();
      if (ended !== null) log.info('session.end', { session: ended.id, reason });
      return ok({});
    },
    async getSessionIdentity() {
      return ok({ identity: sessions.current()?.identity ?? null });
    },
    async submitApplication({ serviceId, answers, materials, manualEntry }) {
      const session = sessions.current();
      if (session === null || session.serviceId !== serviceId) {
        return err('no_session', 'no session is open for this service');
      }
      const loaded = ruleSet.rules.get(serviceId);
      if (loaded === undefined) return err('unknown_service', `no service "${serviceId}"`);
      if (Object.values(materials).includes('captured')) {
        // Captured scans arrive with the document camera; until then nothing can back the claim.
        return err('bad_input', 'no captured attachment backs a material marked captured');
      }
      const submittedAt = now();
      const today = todayInChina(submittedAt);
      const evaluation = evaluate({
        rule: loaded.rule,
        answers,
        card: session.identity,
        manualEntry,
        materials,
        today,
        calendar: holidayCalendar,
      });
      if (evaluation.identityProblem !== null) {
        return err(
          `identity_${evaluation.identityProblem}`,
          'the ID card has not been read or is not accepted',
        );
      }
      const problems = [
        ...evaluation.fieldErrors.map((e) => ({
          path: e.questionId,
          code: e.code,
          message: e.code,
        })),
        ...evaluation.ineligible.map((e) => ({
          path: `eligibility.${e.id}`,
          code: 'ineligible',
          message: e.id,
        })),
      ];
      if (problems.length > 0) {
        return err('invalid_application', 'the answers do not pass the service rules', problems);
      }
      const applicant = evaluation.applicant;
      if (applicant === null) return err('identity_missing', 'no applicant identity');

      const id = randomUUID();
      const base = {
        id,
        idempotencyKey: randomUUID(),
        serviceId,
        ruleVersion: loaded.rule.version,
        ruleHash: loaded.hash,
        status: evaluation.status,
        createdAt: submittedAt.toISOString(),
        dueDate: evaluation.due.date,
        feeFen: Math.round(evaluation.fee.total * 100),
      };
      const payload = {
        identity: session.identity,
        applicant,
        answers: evaluation.answers,
        materials,
        greenChannel: evaluation.greenChannel.map((r) => r['zh-CN']),
      };
      let applicationNo = '';
      for (let attempt = 0; attempt < 3; attempt += 1) {
        applicationNo = newApplicationNumber(today);
        const saved = store.insert({ ...base, applicationNo }, payload);
        if (saved.ok) break;
        if (saved.error.code !== 'duplicate_number' || attempt === 2) {
          log.error('application.save_failed', { code: saved.error.code });
          return saved;
        }
      }
      log.info('application.saved', {
        application: applicationNo,
        service: serviceId,
        status: evaluation.status,
        missing: evaluation.missing.length,
        greenChannel: evaluation.greenChannel.length > 0,
      });

      const described = (r: (typeof evaluation.requirements)[number]) => ({
        name: r.name,
        satisfiedBy: describeRequirement(r),
      });
      const slip: Slip = {
        applicationNo,
        qrText: `GAKIOSK:${applicationNo}`,
        serviceId,
        serviceName: loaded.rule.name,
        applicantName: applicant.name,
        idNumberMasked: maskIdNumber(applicant.idNumber ?? session.identity?.idNumber ?? ''),
        station: {
          name: config.station.name,
          address: config.station.address,
          phone: config.station.phone,
          complaintPhone: config.station.complaintPhone,
        },
        desk: loaded.rule.slip.desk,
        submittedAt: base.createdAt,
        status: evaluation.status,
        fee: { total: evaluation.fee.total, items: [...evaluation.fee.items] },
        workingDays: evaluation.workingDays,
        dueDate: evaluation.due.date,
        dueDateCertain: evaluation.due.certain,
        bring: evaluation.requirements
          .filter(
            (r) => r.satisfied && !r.options.every((o) => o.every((m) => m.capture === 'idcard')),
          )
          .map(described),
        missing: evaluation.missing.map(described),
        outcomes: evaluation.outcomes.map((o) => ({ label: o.label, text: o.text })),
        greenChannel: [...evaluation.greenChannel],
        ruleVersion: loaded.rule.version,
        howToQuery: loaded.rule.slip.howToQuery,
        notes: loaded.rule.slip.notes,
        backOfficeConfigured: config.backOffice !== null,
      };
      return ok(slip);
    },
    async getApplicationStatus({ applicationNo }) {
      const normalized = parseApplicationNumber(applicationNo);
      if (normalized === null)
        return err('bad_application_number', 'not a valid application number');
      const found = store.findByNumber(normalized);
      if (found === null) return err('not_found', 'no application with that number on this kiosk');
      const rule = ruleSet.rules.get(found.serviceId)?.rule;
      return ok({
        applicationNo: found.applicationNo,
        serviceName: rule?.name ?? { 'zh-CN': found.serviceId, en: found.serviceId },
        status: found.status,
        outboxState: found.outboxState,
        submittedAt: found.createdAt,
        dueDate: found.dueDate,
      });
    },
    async listDevices() {
      return ok([...devices.health()]);
    },
    async listRuleProblems() {
      return ok(
        ruleSet.problems.map((p) => ({
          file: p.file,
          action: p.action,
          problems: [...p.problems],
        })),
      );
    },
    async demoListCards() {
      if (devices.demo === null) return err('not_demo', 'no simulated devices are configured');
      return ok(devices.demo.cards.map((c) => ({ id: c.id, label: c.label })));
    },
    async demoPlaceCard({ cardId }) {
      if (devices.demo === null) return err('not_demo', 'no simulated devices are configured');
      return devices.demo.placeCard(cardId)
        ? ok({})
        : err('unknown_card', `no sample card "${cardId}"`);
    },
    async demoRemoveCard() {
      if (devices.demo === null) return err('not_demo', 'no simulated devices are configured');
      devices.demo.removeCard();
      return ok({});
    },
    async demoScan({ text }) {
      if (devices.demo === null) return err('not_demo', 'no simulated devices are configured');
      devices.demo.scan(text);
      return ok({});
    },
  };

  return {
    handlers,
    ruleSet,
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
