import type { MethodOutput } from '../../../core/api/contract';
import { ok, err } from '../../../core/result';
import { searchKeysOf } from '../../../rules/engine/search-keys';
import { timeLimitRange } from '../../../rules/engine/time-limit';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type InfoDeps = Pick<
  KioskParts,
  | 'clock'
  | 'config'
  | 'demo'
  | 'devices'
  | 'faceEnabled'
  | 'handwriting'
  | 'paysHere'
  | 'ruleSet'
  | 'speech'
  | 'storage'
  | 'version'
>;

type InfoMethods =
  | 'getKioskInfo'
  | 'listServices'
  | 'getService'
  | 'listDevices'
  | 'listRuleProblems'
  | 'checkStorage';

type ServiceList = MethodOutput<'listServices'>;
/** Each rule set's tiles, built once: the home screen asks for them first thing, and the search keys take a while. */
const summaries = new WeakMap<InfoDeps['ruleSet']['rules'], ServiceList>();

function serviceList(rules: InfoDeps['ruleSet']['rules']): ServiceList {
  const known = summaries.get(rules);
  if (known !== undefined) return known;
  const list = [...rules.values()].map(({ rule }) => ({
    id: rule.id,
    category: rule.category,
    name: rule.name,
    summary: rule.summary,
    feeText: rule.guide.feeNote,
    timeLimit: timeLimitRange(rule),
    searchKeys: searchKeysOf(rule),
  }));
  summaries.set(rules, list);
  return list;
}

/** What the kiosk is and offers: its station, its services, which devices work, whether it has room. */
export function infoHandlers(ctx: InfoDeps): HandlerGroup<InfoMethods> {
  // Built while the kiosk starts, not while the first citizen's home screen waits for it.
  serviceList(ctx.ruleSet.rules);
  return {
    async getKioskInfo() {
      const { config } = ctx;
      return ok({
        kioskId: config.kioskId,
        version: ctx.version,
        station: {
          code: config.station.code,
          name: config.station.name,
          address: config.station.address,
          phone: config.station.phone,
          complaintPhone: config.station.complaintPhone,
        },
        demo: ctx.demo !== null,
        camera: config.devices.some((d) => d.kind === 'camera'),
        handwriting: ctx.handwriting.available,
        speech: [...ctx.speech.locales],
        face: {
          enabled: ctx.faceEnabled,
          idCardPhoto: config.face.idCardPhoto,
          cardPhoto: config.devices.some(
            (d) => d.kind === 'idcard' && d.options['photoDecoder'] !== undefined,
          ),
        },
        backOfficeConfigured: config.backOffice !== null,
        payment: { services: [...ctx.ruleSet.rules.keys()].filter(ctx.paysHere) },
        idle: config.idle,
        defaultLocale: config.defaultLocale,
        languages: config.languages,
        now: ctx.clock.now().toISOString(),
        guideReasons: ctx.ruleSet.guideReasons.map(({ id, label }) => ({ id, label })),
        calendar: [...ctx.ruleSet.calendarYears],
        rules:
          ctx.ruleSet.bundle === null
            ? null
            : {
                version: ctx.ruleSet.bundle.version,
                reviewedBy: ctx.ruleSet.bundle.reviewedBy,
                source: ctx.ruleSet.bundle.source,
              },
      });
    },
    async listServices() {
      return ok(serviceList(ctx.ruleSet.rules));
    },
    async getService({ serviceId }) {
      const loaded = ctx.ruleSet.rules.get(serviceId);
      return loaded === undefined
        ? err('unknown_service', `no service "${serviceId}"`)
        : ok(loaded.rule);
    },
    async listDevices() {
      return ok(ctx.devices.health().map(({ id, kind, state }) => ({ id, kind, state })));
    },
    async listRuleProblems() {
      return ok(
        ctx.ruleSet.problems.map((p) => ({
          file: p.file,
          action: p.action,
          problems: [...p.problems],
        })),
      );
    },
    async checkStorage() {
      const { ok: enough, freeMb, minFreeMb } = ctx.storage();
      return ok({ ok: enough, freeMb, minFreeMb });
    },
  };
}
