import { createHash, randomUUID } from 'node:crypto';
import type { PhotoAdvice, PhotoCheckId } from '../../core/face/checks';
import type { IdentityCheck, PortraitRecord } from '../../core/face/identity-check';
import { observeBlink, startLiveness } from '../../core/face/liveness';
import { PHOTO_STANDARDS } from '../../core/face/standards';
import type { Clock } from '../../core/clock';
import { err, errFacts, ok, type KioskError, type Result } from '../../core/result';
import type { ContractError } from '../../core/api/error-facts';
import type { Material, ServiceRule } from '../../rules/engine/schema';
import type { AuditLog } from '../audit/audit-log';
import type { KioskConfig } from '../config/schema';
import type { FaceEngine, FaceErrorCode } from '../face/engine';
import type { Logger } from '../shared/log';
import type { Session } from './session';

/** Where the citizen stands in 人证核验, as the screen shows it. */
export type VerifyStage = 'looking' | 'blink' | 'retry' | 'passed' | 'failed' | 'not_possible';
export type VerifyAdvice = 'no_face' | 'one_person' | 'blink' | 'not_matched' | 'too_slow';

export interface VerifyAnswer {
  readonly stage: VerifyStage;
  readonly advice: VerifyAdvice | null;
  readonly triesLeft: number;
}

export type FaceDeskError = ContractError<FaceErrorCode | 'no_portrait' | 'photo_not_compliant'>;

export interface FaceDeskDeps {
  readonly engine: FaceEngine;
  readonly settings: KioskConfig['face'];
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly log: Logger;
}

/** The 证件照 material of a service the kiosk may take here (an id-card one only where the station agreed). */
export function portraitMaterial(rule: ServiceRule, idCardPhoto: boolean): Material | null {
  return (
    rule.materials.find(
      (m) =>
        m.capture === 'portrait' && m.standard !== undefined && (!m.stationOptIn || idCardPhoto),
    ) ?? null
  );
}

/**
 * The face steps of a session, decided here on the frames the main process
 * received — a screen that says "matched" proves nothing. Each frame is
 * analysed by the engine; the verdict (passed, failed, not possible) and the
 * 证件照 go into the application, the frames and descriptors nowhere.
 */
/** How a 人证核验 ends (audited, the card's descriptor wiped) and what the screen is told meanwhile. */
function verdicts(deps: FaceDeskDeps) {
  const { engine, settings, clock, audit } = deps;
  const verdict = (
    session: Session,
    result: IdentityCheck['result'],
    liveness: IdentityCheck['liveness'],
    reason: IdentityCheck['reason'],
  ): IdentityCheck => {
    const check: IdentityCheck = {
      result,
      score:
        session.face.verify.best === null
          ? null
          : Math.round(session.face.verify.best * 1000) / 1000,
      threshold: settings.threshold,
      modelVersion: engine.version() ?? 'human',
      tries: session.face.verify.tries,
      liveness,
      reason,
    };
    session.face.verify.result = check;
    // The card's descriptor is personal and is done with.
    if (Array.isArray(session.face.verify.cardDescriptor))
      session.face.verify.cardDescriptor.fill(0);
    audit.record('citizen', 'face.verified', {
      session: session.id,
      result,
      score: check.score,
      threshold: check.threshold,
      tries: check.tries,
      liveness,
      reason,
      model: check.modelVersion,
    });
    return check;
  };

  const answer = (
    session: Session,
    stage: VerifyStage,
    advice: VerifyAdvice | null,
  ): VerifyAnswer => ({
    stage,
    advice,
    triesLeft: Math.max(0, settings.tries - session.face.verify.tries),
  });

  const settled = (check: IdentityCheck, session: Session): VerifyAnswer =>
    answer(
      session,
      check.result === 'passed' ? 'passed' : check.result === 'failed' ? 'failed' : 'not_possible',
      null,
    );

  const failTry = (
    session: Session,
    liveness: IdentityCheck['liveness'],
    advice: VerifyAdvice,
  ): VerifyAnswer => {
    session.face.verify.tries += 1;
    if (session.face.verify.tries >= settings.tries)
      return settled(verdict(session, 'failed', liveness, null), session);
    session.face.verify.liveness = startLiveness(clock.nowMs());
    return answer(session, 'retry', advice);
  };

  return { verdict, answer, settled, failTry };
}

type Verdicts = ReturnType<typeof verdicts>;

/** The card's descriptor, computed once per session from the decoder's picture. */
async function cardDescriptor(
  engine: FaceEngine,
  session: Session,
): Promise<Result<number[] | 'unusable', KioskError<FaceErrorCode>>> {
  const known = session.face.verify.cardDescriptor;
  if (known !== null) return ok(known);
  const image = session.cardImage;
  if (image === null) return ok('unusable');
  const looked = await engine.run({ kind: 'look', image: image.bytes, descriptor: true });
  // A decoder that gave garbage: the card's photo cannot be used, which is no fault of the citizen's.
  if (
    !looked.ok &&
    (looked.error.code === 'image_unreadable' || looked.error.code === 'image_too_large')
  ) {
    session.face.verify.cardDescriptor = 'unusable';
    return ok('unusable');
  }
  if (!looked.ok) return looked;
  const descriptor =
    looked.value.faces.length === 1 && looked.value.descriptor !== null
      ? [...looked.value.descriptor]
      : 'unusable';
  session.face.verify.cardDescriptor = descriptor;
  return ok(descriptor);
}

/** One camera frame of 人证核验: blink first, then the match, three tries. */
async function verifyFrame(
  deps: FaceDeskDeps,
  v: Verdicts,
  session: Session,
  jpeg: Buffer,
): Promise<Result<VerifyAnswer, KioskError<FaceErrorCode>>> {
  const { engine, settings, clock } = deps;
  const { verdict, answer, settled, failTry } = v;
  const done = session.face.verify.result;
  if (done !== null) return ok(settled(done, session));
  if (session.face.consent.verify !== 'camera')
    return ok(settled(verdict(session, 'not_possible', 'not_run', 'declined'), session));
  if (!engine.available)
    return ok(settled(verdict(session, 'not_possible', 'not_run', 'engine_unavailable'), session));
  if (session.cardImage === null)
    return ok(settled(verdict(session, 'not_possible', 'not_run', 'no_card_photo'), session));
  const card = await cardDescriptor(engine, session);
  if (!card.ok) return card;
  if (card.value === 'unusable')
    return ok(settled(verdict(session, 'not_possible', 'not_run', 'card_photo_unusable'), session));
  const now = clock.nowMs();
  session.face.verify.liveness ??= startLiveness(now);
  const looked = await engine.run({ kind: 'look', image: jpeg, descriptor: false });
  if (!looked.ok) return looked;
  const faces = looked.value.faces;
  const eyes = faces.length === 1 ? (faces[0]?.eyeOpenness ?? null) : null;
  const liveness = observeBlink(
    session.face.verify.liveness,
    { at: now, eyeOpenness: eyes },
    settings.livenessSeconds * 1000,
  );
  session.face.verify.liveness = liveness;
  if (liveness.phase === 'timed_out') return ok(failTry(session, 'failed', 'too_slow'));
  if (faces.length !== 1)
    return ok(answer(session, 'looking', faces.length === 0 ? 'no_face' : 'one_person'));
  if (liveness.phase !== 'passed') return ok(answer(session, 'blink', 'blink'));
  // Alive, eyes open again: this frame is compared with the card.
  const described = await engine.run({ kind: 'look', image: jpeg, descriptor: true });
  if (!described.ok) return described;
  const live = described.value.descriptor;
  if (live === null || described.value.faces.length !== 1)
    return ok(answer(session, 'looking', 'no_face'));
  const similarity = await engine.run({ kind: 'similarity', a: card.value, b: live });
  if (!similarity.ok) return similarity;
  const score = similarity.value.score;
  session.face.verify.best = Math.max(session.face.verify.best ?? 0, score);
  if (score >= settings.threshold) {
    session.face.verify.tries += 1;
    return ok(settled(verdict(session, 'passed', 'passed', null), session));
  }
  return ok(failTry(session, 'passed', 'not_matched'));
}

/** A frame judged against the material's photo standard (and cut to it, with `output`). */
async function judgePhoto(
  engine: FaceEngine,
  material: Material,
  jpeg: Buffer,
  cameraScale: number,
  output: boolean,
) {
  const standard = material.standard;
  if (standard === undefined) return err('no_portrait', `${material.id} has no standard`);
  const judged = await engine.run({
    kind: 'photo',
    image: jpeg,
    standard,
    cameraScale,
    mode: 'crop',
    output,
  });
  return judged.ok ? ok({ ...judged.value, standard }) : judged;
}

/** Guidance for the 证件照: every check on this frame, the first thing to fix. */
async function photoFrame(
  engine: FaceEngine,
  material: Material,
  jpeg: Buffer,
  cameraScale: number,
): Promise<
  Result<
    { ready: boolean; advice: PhotoAdvice | null; failing: PhotoCheckId[] },
    KioskError<FaceErrorCode | 'no_portrait'>
  >
> {
  const judged = await judgePhoto(engine, material, jpeg, cameraScale, false);
  if (!judged.ok) return judged;
  const { verdict: v } = judged.value;
  return ok({
    ready: v.ok,
    advice: v.advice,
    failing: v.checks.filter((c) => !c.ok).map((c) => c.id),
  });
}

/** The frame the kiosk keeps as the 证件照: judged again here, cut to the standard, shown for "use this one". */
async function capturePortrait(
  engine: FaceEngine,
  session: Session,
  material: Material,
  jpeg: Buffer,
): Promise<Result<{ jpeg: Buffer; record: PortraitRecord }, FaceDeskError>> {
  const judged = await judgePhoto(engine, material, jpeg, 1, true);
  if (!judged.ok) return judged;
  const { standard } = judged.value;
  const { verdict: v, photo } = judged.value;
  if (!v.ok || photo === null)
    return errFacts(
      'photo_not_compliant',
      photo === null && v.ok
        ? 'no JPEG quality fits the standard’s size window'
        : 'the photo does not meet the standard',
      { failing: v.checks.filter((c) => !c.ok).map((c) => ({ check: c.id, advice: c.advice })) },
    );
  const spec = PHOTO_STANDARDS[standard];
  const record: PortraitRecord = {
    materialId: material.id,
    standard,
    width: spec.width,
    height: spec.height,
    bytes: photo.jpeg.length,
    modelVersion: engine.version() ?? 'human',
  };
  session.face.portrait.pending?.jpeg.fill(0);
  session.face.portrait.pending = { jpeg: Buffer.from(photo.jpeg), record };
  return ok(session.face.portrait.pending);
}

/** "Use this one": the pending photo becomes the material's one capture; or it is thrown away (retake). */
function keepPortrait(audit: AuditLog, session: Session, keep: boolean): boolean {
  const pending = session.face.portrait.pending;
  if (pending === null) return false;
  session.face.portrait.pending = null;
  if (!keep) {
    pending.jpeg.fill(0);
    return false;
  }
  for (const old of session.captures.filter((c) => c.materialId === pending.record.materialId))
    old.bytes.fill(0);
  session.captures = session.captures.filter((c) => c.materialId !== pending.record.materialId);
  session.captures.push({
    id: randomUUID(),
    materialId: pending.record.materialId,
    mediaType: 'image/jpeg',
    bytes: pending.jpeg,
    sha256: createHash('sha256').update(pending.jpeg).digest('hex'),
  });
  session.face.portrait.kept = pending.record;
  audit.record('citizen', 'face.photo_taken', {
    session: session.id,
    material: pending.record.materialId,
    standard: pending.record.standard,
    bytes: pending.record.bytes,
  });
  return true;
}

export function createFaceDesk(deps: FaceDeskDeps) {
  const { engine, settings, audit } = deps;
  const v = verdicts(deps);
  const { verdict } = v;

  return {
    /** For diagnostics: whether the engine can run, and what it loaded. */
    engineStatus: () => ({
      available: engine.available,
      problem: engine.problem,
      version: engine.version(),
      loadMs: engine.loadMs(),
    }),

    /** The citizen chose the camera or the window for `purpose`, after the notice. */
    consent(
      session: Session,
      purpose: 'verify' | 'photo',
      choice: 'camera' | 'window' | 'camera_failed',
    ): void {
      session.face.consent[purpose] = choice === 'camera' ? 'camera' : 'window';
      audit.record('citizen', choice === 'camera_failed' ? 'face.camera_failed' : 'face.consent', {
        session: session.id,
        purpose,
        choice,
      });
      if (purpose === 'verify' && choice !== 'camera' && session.face.verify.result === null)
        verdict(
          session,
          'not_possible',
          'not_run',
          choice === 'window' ? 'declined' : 'camera_unavailable',
        );
      if (purpose === 'photo' && choice !== 'camera') {
        session.face.portrait.pending?.jpeg.fill(0);
        session.face.portrait.pending = null;
      }
    },

    /** A hall guide sends this session to the window for the photo and the identity check. */
    toWindow(session: Session): void {
      session.face.guideWindow = true;
      if (session.face.verify.result === null)
        verdict(session, 'not_possible', 'not_run', 'guide_window');
      session.face.portrait.pending?.jpeg.fill(0);
      session.face.portrait.pending = null;
    },

    /** One camera frame of 人证核验: blink first, then the match, three tries. */
    verifyFrame: (session: Session, jpeg: Buffer) => verifyFrame(deps, v, session, jpeg),
    /** Guidance for the 证件照: every check on this frame, the first thing to fix. */
    photoFrame: (_session: Session, material: Material, jpeg: Buffer, cameraScale: number) =>
      photoFrame(engine, material, jpeg, cameraScale),
    /** The frame the kiosk keeps as the 证件照: judged again, cut to the standard, shown for "use this one". */
    capture: (session: Session, material: Material, jpeg: Buffer) =>
      capturePortrait(engine, session, material, jpeg),
    /** "Use this one": the pending photo becomes the material's one capture; or it is thrown away (retake). */
    keep: (session: Session, keep: boolean) => keepPortrait(audit, session, keep),
    /** What the application records of 人证核验 when it is submitted. */
    identityCheckFor(session: Session, rule: ServiceRule): IdentityCheck | null {
      if (!rule.face.verify) return null;
      return (
        session.face.verify.result ??
        verdict(
          session,
          'not_possible',
          'not_run',
          session.face.guideWindow
            ? 'guide_window'
            : !settings.enabled || !engine.available
              ? 'engine_unavailable'
              : session.cardImage === null
                ? 'no_card_photo'
                : 'declined',
        )
      );
    },
  };
}

export type FaceDesk = ReturnType<typeof createFaceDesk>;
