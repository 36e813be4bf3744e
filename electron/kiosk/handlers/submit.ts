import { randomInt, randomUUID } from 'node:crypto';
import { composeApplication, type ComposedApplication } from '../../../core/application';
import { newApplicationNumber, type ApplicationNo } from '../../../core/ids';
import { err, ok, type KioskError, type Result } from '../../../core/result';
import { buildSlip } from '../../../core/slip';
import type { HandlerGroup, KioskParts } from '../context';
import type { MethodArgs } from '../../../core/api/contract';
import type { Capture, Session, SubmitResult } from '../session';
import { printSessionSlip, stationAt, type PrintingDeps } from './printing';

/** What these handlers use of the kiosk, and nothing else. */
export type SubmitDeps = Pick<
  KioskParts,
  | 'audit'
  | 'clock'
  | 'config'
  | 'face'
  | 'log'
  | 'ruleSet'
  | 'sessions'
  | 'storage'
  | 'store'
  | 'sync'
> &
  PrintingDeps;

/** Application numbers are random: a clash with a stored one is rare, three in a row is a fault. */
const NUMBER_ATTEMPTS = 3;

/** Below `storage.minFreeMb` the kiosk takes no application: better to say so than fail half-way. */
function ensureRoom(ctx: SubmitDeps): Result<void, KioskError<'disk_full'>> {
  const space = ctx.storage();
  if (space.ok) return ok(undefined);
  ctx.log.error('application.disk_low', { freeMb: space.freeMb, minFreeMb: space.minFreeMb });
  ctx.audit.record('system', 'application.refused_disk_low', { freeMb: space.freeMb });
  return err('disk_full', 'this kiosk has no room to store the application');
}

/** Stores the application, its photos and its outbox entry in one transaction, under a fresh number. */
function saveApplication(
  ctx: SubmitDeps,
  ruleHash: string,
  application: ComposedApplication,
  photos: readonly Capture[],
): Result<ApplicationNo, KioskError<'disk_full' | 'store_failed'>> {
  const base = {
    id: randomUUID(),
    idempotencyKey: randomUUID(),
    serviceId: application.serviceId,
    ruleVersion: application.ruleVersion,
    ruleHash,
    status: application.status,
    createdAt: application.submittedAt,
    dueDate: application.dueDate,
    feeFen: application.feeFen,
  };
  const attachments = photos.map(({ id, materialId, mediaType, bytes, sha256 }) => ({
    id,
    materialId,
    mediaType,
    bytes,
    sha256,
  }));
  for (let attempt = 1; ; attempt += 1) {
    const applicationNo = newApplicationNumber(application.today, randomInt);
    const saved = ctx.store.insert({ ...base, applicationNo }, application.payload, attachments);
    if (saved.ok) return ok(applicationNo);
    const { code } = saved.error;
    if (code === 'duplicate_number' && attempt < NUMBER_ATTEMPTS) continue;
    ctx.log.error('application.save_failed', { code });
    ctx.audit.record('system', 'application.save_failed', { code });
    return code === 'disk_full'
      ? err('disk_full', saved.error.message)
      : err('store_failed', saved.error.message);
  }
}

/** The audit and the log of a stored application: counts and ids, nothing personal. */
function recordSubmission(
  ctx: SubmitDeps,
  session: Session,
  applicationNo: ApplicationNo,
  application: ComposedApplication,
  photos: number,
): void {
  const { evaluation } = application;
  const facts = {
    application: applicationNo,
    service: application.serviceId,
    status: application.status,
    missing: evaluation.missing.length,
    greenChannel: evaluation.greenChannel.length > 0,
  };
  ctx.audit.record('citizen', 'application.submitted', {
    session: session.id,
    ...facts,
    photos,
    // Whether, never what: the strokes are personal and stay in the sealed payload.
    signed: application.payload.signature !== null,
    guideAssisted: session.assistance.assisted,
  });
  ctx.log.info('application.saved', facts);
}

/**
 * Submission: the rules' own verdict on what the citizen gave, a durable
 * write, then the slip. Printing comes last and cannot lose the application.
 */
export function submitHandlers(ctx: SubmitDeps): HandlerGroup<'submitApplication'> {
  const submitOnce = async (
    session: Session,
    {
      serviceId,
      answers,
      materials,
      manualEntry,
      signature,
      deferPrint,
    }: MethodArgs<'submitApplication'>,
  ): Promise<SubmitResult> => {
    const loaded = ctx.ruleSet.rules.get(serviceId);
    if (loaded === undefined) return err('unknown_service', `no service "${serviceId}"`);

    const composed = composeApplication({
      rule: loaded.rule,
      identity: session.identity,
      answers,
      materials,
      manualEntry,
      photographed: new Set(session.captures.map((c) => c.materialId)),
      assistance: session.assistance,
      submittedAt: ctx.clock.now(),
      calendar: ctx.ruleSet.calendar,
      stationCode: ctx.config.station.code,
      signature,
      identityCheck: ctx.face.identityCheckFor(session, loaded.rule),
      portrait: session.captures.some(
        (c) => c.materialId === session.face.portrait.kept?.materialId,
      )
        ? session.face.portrait.kept
        : null,
    });
    if (!composed.ok) return composed;
    const room = ensureRoom(ctx);
    if (!room.ok) return room;
    const photos = session.captures.filter((c) => materials[c.materialId] === 'captured');
    const saved = saveApplication(ctx, loaded.hash, composed.value, photos);
    if (!saved.ok) return saved;
    recordSubmission(ctx, session, saved.value, composed.value, photos.length);
    // Kept in memory for the kiosk to finish the item once paid (再次签注); wiped with the session.
    if (loaded.rule.kioskFinish !== null)
      session.finishing = {
        answers: { ...answers },
        identityCheck: composed.value.payload.identityCheck,
      };
    // Committed: the worker may send it right away.
    ctx.sync?.wake();

    const slip = buildSlip(loaded.rule, composed.value, {
      applicationNo: saved.value,
      station: stationAt(ctx.config.station, ctx.clock.now()),
      guideReasons: ctx.ruleSet.guideReasons,
      backOfficeConfigured: ctx.config.backOffice !== null,
      photos,
    });
    session.slip = { ...slip, print: null, copies: 0, attempts: 0 };
    if (deferPrint) return ok({ ...slip, print: { status: 'waiting', problem: null } });
    const printed = await printSessionSlip(ctx, session, null);
    return ok({
      ...slip,
      print: printed.ok ? printed.value : { status: 'failed', problem: 'print_limit' },
    });
  };

  return {
    async submitApplication(input) {
      const session = ctx.sessions.current();
      if (session === null || session.serviceId !== input.serviceId) {
        return err('no_session', 'no session is open for this service');
      }
      // One card read, one application: a second submit shares the first one's answer.
      if (session.submission !== null) return session.submission;
      const submission = submitOnce(session, input);
      session.submission = submission;
      const result = await submission;
      // Refused (answers, disk): the citizen may put it right and submit again.
      if (!result.ok && ctx.sessions.current() === session) session.submission = null;
      return result;
    },
  };
}
