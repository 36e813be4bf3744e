import { randomUUID } from 'node:crypto';
import { holidayCalendar } from '../../../rules/data/holidays';
import { todayInChina } from '../../../rules/engine/dates';
import { evaluate } from '../../../rules/engine/evaluate';
import { maskIdNumber } from '../../../rules/engine/id-number';
import { describeRequirement } from '../../../rules/engine/requirements';
import { timeLimitRange } from '../../../rules/engine/time-limit';
import type { ApplicationStatusView, MethodOutput, Slip } from '../../api/contract';
import { slipReceipt } from '../../devices/printer/slip-receipt';
import { err, ok, type Result } from '../../../core/result';
import { newApplicationNumber, parseApplicationNumber, slipQrText } from '../application-number';
import type { HandlerGroup, KioskContext } from '../context';
import { receiptFor } from '../receipt';

type JourneyMethods =
  | 'getKioskInfo'
  | 'listServices'
  | 'getService'
  | 'startSession'
  | 'endSession'
  | 'getSessionIdentity'
  | 'getCardPhoto'
  | 'submitApplication'
  | 'getApplicationStatus'
  | 'checkStorage'
  | 'printSlip'
  | 'printForm'
  | 'listDevices'
  | 'listRuleProblems';

const serviceSummaries = (ctx: KioskContext): MethodOutput<'listServices'> =>
  [...ctx.ruleSet.rules.values()].map(({ rule }) => ({
    id: rule.id,
    category: rule.category,
    name: rule.name,
    summary: rule.summary,
    feeText: rule.guide.feeNote,
    timeLimit: timeLimitRange(rule),
  }));

/** Prints a slip on the receipt printer and says how it went; never throws. */
async function printSlip(ctx: KioskContext, slip: Slip): Promise<Slip['print']> {
  const result = await ctx.devices.print(slipReceipt(receiptFor(slip), ctx.devices.paperWidth()));
  if (result.ok) return { status: 'printed', problem: null };
  ctx.log.warn('slip.print_failed', { application: slip.applicationNo, code: result.error.code });
  return result.error.code === 'no_printer'
    ? { status: 'no_printer', problem: null }
    : { status: 'failed', problem: result.error.code };
}

/**
 * A slip's state: the back office's answer when it gives one in time, the
 * kiosk's own record otherwise. Whoever stands at the kiosk holding the slip
 * sees the state and dates, never the applicant's details.
 */
async function lookUpStatus(
  ctx: KioskContext,
  applicationNo: string,
): Promise<Result<ApplicationStatusView>> {
  const local = ctx.store.findByNumber(applicationNo);
  // Not yet sent: the back office cannot know it, so do not make the citizen wait for its 404.
  const askBackOffice =
    ctx.sync !== null &&
    (local === null || local.outboxState === 'accepted' || local.outboxState === 'rejected');
  const remote = askBackOffice && ctx.sync !== null ? await ctx.sync.lookup(applicationNo) : null;
  const fromBackOffice = remote?.kind === 'ok' ? remote.value : null;
  if (local === null && fromBackOffice === null) {
    return err(
      'not_found',
      remote === null || remote.kind === 'not_found'
        ? 'no application with that number'
        : 'not on this kiosk and the back office did not answer',
    );
  }
  const serviceId = local?.serviceId ?? fromBackOffice?.serviceId ?? null;
  const rule = serviceId === null ? undefined : ctx.ruleSet.rules.get(serviceId)?.rule;
  return ok({
    applicationNo,
    serviceName: rule?.name ?? null,
    submittedAt: local?.createdAt ?? fromBackOffice?.submittedAt ?? null,
    dueDate: local?.dueDate ?? fromBackOffice?.dueDate ?? null,
    source: fromBackOffice === null ? 'kiosk' : 'back_office',
    sync: local?.outboxState ?? null,
    status: local?.status ?? null,
    backOffice:
      fromBackOffice === null
        ? null
        : {
            state: fromBackOffice.state,
            reason: fromBackOffice.reason ?? null,
            updatedAt: fromBackOffice.updatedAt,
          },
    acceptanceNo: fromBackOffice?.acceptanceNo ?? local?.acceptanceNo ?? null,
    rejectedReason: local?.rejectedReason ?? null,
    backOfficeConfigured: ctx.config.backOffice !== null,
  });
}

/** The citizen's journey: services, session, submission, the slip and its printing. */
export function journeyHandlers(ctx: KioskContext): HandlerGroup<JourneyMethods> {
  return {
    async getKioskInfo() {
      return ok({
        kioskId: ctx.config.kioskId,
        version: ctx.version,
        station: {
          code: ctx.config.station.code,
          name: ctx.config.station.name,
          address: ctx.config.station.address,
          phone: ctx.config.station.phone,
          complaintPhone: ctx.config.station.complaintPhone,
        },
        demo: ctx.devices.demo !== null,
        camera: ctx.config.devices.some((d) => d.kind === 'camera'),
        backOfficeConfigured: ctx.config.backOffice !== null,
        idle: ctx.config.idle,
        defaultLocale: ctx.config.defaultLocale,
        now: ctx.clock.now().toISOString(),
        guideReasons: ctx.ruleSet.guideReasons.map(({ id, label }) => ({ id, label })),
      });
    },
    async listServices() {
      return ok(serviceSummaries(ctx));
    },
    async getService({ serviceId }) {
      const loaded = ctx.ruleSet.rules.get(serviceId);
      return loaded === undefined
        ? err('unknown_service', `no service "${serviceId}"`)
        : ok(loaded.rule);
    },
    async startSession({ serviceId }) {
      if (!ctx.ruleSet.rules.has(serviceId))
        return err('unknown_service', `no service "${serviceId}"`);
      const session = ctx.sessions.start(serviceId);
      ctx.log.info('session.start', { session: session.id, service: serviceId });
      ctx.audit.record('citizen', 'session.start', { session: session.id, service: serviceId });
      return ok({ sessionId: session.id, staleCardOnReader: ctx.cardOnReader() });
    },
    async endSession({ reason }) {
      const ended = ctx.sessions.end();
      if (ended !== null) {
        if (reason === 'guide' && ctx.staff.current() !== null) {
          ctx.audit.record(ctx.staff.current() ?? 'guide', 'guide.endSession', {
            session: ended.id,
          });
        }
        ctx.log.info('session.end', { session: ended.id, reason });
        ctx.audit.record('citizen', 'session.end', {
          session: ended.id,
          reason,
          submitted: ended.submitted,
          guideAssisted: ended.assisted,
        });
      }
      return ok({});
    },
    async getSessionIdentity() {
      return ok({ identity: ctx.sessions.current()?.identity ?? null });
    },
    async getCardPhoto() {
      const image = ctx.sessions.current()?.cardImage ?? null;
      return ok(
        image === null
          ? null
          : { mediaType: image.mediaType, base64: image.bytes.toString('base64') },
      );
    },
    async submitApplication({ serviceId, answers, materials, manualEntry }) {
      const session = ctx.sessions.current();
      if (session === null || session.serviceId !== serviceId) {
        return err('no_session', 'no session is open for this service');
      }
      const loaded = ctx.ruleSet.rules.get(serviceId);
      if (loaded === undefined) return err('unknown_service', `no service "${serviceId}"`);
      const unbacked = Object.entries(materials).filter(
        ([materialId, said]) =>
          said === 'captured' && !session.captures.some((c) => c.materialId === materialId),
      );
      if (unbacked.length > 0) {
        return err(
          'bad_input',
          'a material marked captured has no photo',
          unbacked.map(([id]) => ({ path: `materials.${id}`, code: 'no_photo', message: id })),
        );
      }
      const assistance = session.assistance;
      const submittedAt = ctx.clock.now();
      const today = todayInChina(submittedAt);
      const evaluation = evaluate({
        rule: loaded.rule,
        answers,
        card: session.identity,
        manualEntry,
        materials,
        today,
        calendar: holidayCalendar,
        guideGreenChannel: assistance.greenChannelReason !== null,
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
      const space = ctx.storage();
      if (!space.ok) {
        ctx.log.error('application.disk_low', { freeMb: space.freeMb, minFreeMb: space.minFreeMb });
        ctx.audit.record('system', 'application.refused_disk_low', { freeMb: space.freeMb });
        return err('disk_full', 'this kiosk has no room to store the application');
      }

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
        // The back office sees what a hall guide did, as the slip shows it.
        assistance: assistance.assisted
          ? {
              greenChannelReason: assistance.greenChannelReason,
              fillOnBehalf: assistance.fillOnBehalf,
              skippedOptional: assistance.skipOptional,
            }
          : null,
      };
      const photos = session.captures.filter((c) => materials[c.materialId] === 'captured');
      const attachments = photos.map((c) => ({
        id: c.id,
        materialId: c.materialId,
        mediaType: c.mediaType,
        bytes: c.bytes,
        sha256: c.sha256,
      }));
      let applicationNo = '';
      for (let attempt = 0; attempt < 3; attempt += 1) {
        applicationNo = newApplicationNumber(today);
        const saved = ctx.store.insert({ ...base, applicationNo }, payload, attachments);
        if (saved.ok) break;
        if (saved.error.code !== 'duplicate_number' || attempt === 2) {
          ctx.log.error('application.save_failed', { code: saved.error.code });
          ctx.audit.record('system', 'application.save_failed', { code: saved.error.code });
          return saved;
        }
      }
      ctx.audit.record('citizen', 'application.submitted', {
        session: session.id,
        application: applicationNo,
        service: serviceId,
        status: evaluation.status,
        missing: evaluation.missing.length,
        greenChannel: evaluation.greenChannel.length > 0,
        photos: attachments.length,
        guideAssisted: assistance.assisted,
      });
      // Committed: the worker may send it right away.
      ctx.sync?.wake();
      ctx.log.info('application.saved', {
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
        qrText: slipQrText(applicationNo),
        serviceId,
        serviceName: loaded.rule.name,
        applicantName: applicant.name,
        idNumberMasked: maskIdNumber(applicant.idNumber ?? session.identity?.idNumber ?? ''),
        station: {
          name: ctx.config.station.name,
          address: ctx.config.station.address,
          phone: ctx.config.station.phone,
          complaintPhone: ctx.config.station.complaintPhone,
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
        assistance: assistance.assisted
          ? {
              greenChannelReason:
                ctx.ruleSet.guideReasons.find((r) => r.id === assistance.greenChannelReason)
                  ?.label ?? null,
              fillOnBehalf: assistance.fillOnBehalf,
              skippedOptional: assistance.skipOptional,
            }
          : null,
        captured: [...new Set(photos.map((p) => p.materialId))].map((materialId) => ({
          materialId,
          name: loaded.rule.materials.find((m) => m.id === materialId)?.name ?? {
            'zh-CN': materialId,
            en: materialId,
          },
          photos: photos.filter((p) => p.materialId === materialId).length,
        })),
        ruleVersion: loaded.rule.version,
        howToQuery: loaded.rule.slip.howToQuery,
        notes: loaded.rule.slip.notes,
        backOfficeConfigured: ctx.config.backOffice !== null,
        print: { status: 'failed', problem: null },
      };
      // The application is committed above; printing comes after and cannot lose it.
      const printed = { ...slip, print: await printSlip(ctx, slip) };
      session.slip = printed;
      return ok(printed);
    },
    async getApplicationStatus({ applicationNo }) {
      const normalized = parseApplicationNumber(applicationNo);
      if (normalized === null)
        return err('bad_application_number', 'not a valid application number');
      return lookUpStatus(ctx, normalized);
    },
    async checkStorage() {
      const { ok: enough, freeMb, minFreeMb } = ctx.storage();
      return ok({ ok: enough, freeMb, minFreeMb });
    },
    async printSlip() {
      const slip = ctx.sessions.current()?.slip ?? null;
      if (slip === null) return err('no_slip', 'no application was submitted in this session');
      const print = await printSlip(ctx, slip);
      ctx.sessions.current()!.slip = { ...slip, print };
      return ok(print);
    },
    async printForm() {
      const session = ctx.sessions.current();
      if (session === null || session.slip === null)
        return err('no_slip', 'no application was submitted in this session');
      if (ctx.systemPrinter === null)
        return err('no_system_printer', 'this kiosk has no system printer (web host)');
      const printed = await ctx.systemPrinter.print(ctx.config.printing.a4PrinterName);
      ctx.audit.record('citizen', printed.ok ? 'form.printed' : 'form.print_failed', {
        session: session.id,
        application: session.slip.applicationNo,
        ...(printed.ok ? {} : { code: printed.error.code }),
      });
      return printed;
    },
    async listDevices() {
      return ok([...ctx.devices.health()]);
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
  };
}
