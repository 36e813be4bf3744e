import { serviceId } from '../../../service-id';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../../core/api/contract';
import { manualClock, type ManualClock } from '../../../../core/clock';
import { openAuditLog, type AuditLog } from '../../../../electron/audit/audit-log';
import type { KioskEventListener } from '../../../../electron/kiosk/context';
import { guideHandlers } from '../../../../electron/kiosk/handlers/guide';
import { helpHandlers } from '../../../../electron/kiosk/handlers/help';
import { queueHandlers } from '../../../../electron/kiosk/handlers/queue';
import { sessionHandlers } from '../../../../electron/kiosk/handlers/session';
import { staffHandlers } from '../../../../electron/kiosk/handlers/staff';
import { createHelpDesk } from '../../../../electron/kiosk/help-desk';
import { loadRuleSet } from '../../../../electron/kiosk/rule-files';
import { createSessionKeeper, type SessionKeeper } from '../../../../electron/kiosk/session';
import {
  createStaffAuth,
  hashPin,
  inMemoryLockout,
  type StaffAuth,
} from '../../../../electron/kiosk/staff-auth';
import { createLogger } from '../../../../electron/shared/log';
import { openDatabase } from '../../../../electron/store/database';
import { createOutbox } from '../../../../electron/store/outbox';

/**
 * Handler groups built from the few parts each names, not a whole kiosk: real
 * session keeper, staff sign-in, help desk and audit log, on a manual clock.
 */
const log = createLogger({ quiet: true });
const CITIZEN: Caller = { role: 'citizen' };
const GUIDE: Caller = { role: 'guide' };
const fast = { N: 1024, r: 8, p: 1 };

interface Parts {
  readonly clock: ManualClock;
  readonly audit: AuditLog;
  readonly sessions: SessionKeeper;
  readonly staff: StaffAuth;
  readonly events: string[];
  readonly emit: KioskEventListener;
  readonly audited: () => { actor: string; action: string; fields: Record<string, unknown> }[];
}

async function parts(): Promise<Parts> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-handlers-'));
  const clock = manualClock(new Date('2026-06-15T02:00:00.000Z'));
  const auditPath = join(dir, 'audit', 'audit.jsonl');
  const audit = openAuditLog({ path: auditPath, log, clock });
  if (!audit.ok) throw new Error(audit.error.message);
  const sessions = createSessionKeeper(clock);
  const staff = createStaffAuth(
    { guide: await hashPin('135790', fast) },
    clock,
    undefined,
    inMemoryLockout(),
  );
  const events: string[] = [];
  return {
    clock,
    audit: audit.value,
    sessions,
    staff,
    events,
    emit: (event) => events.push(event),
    audited: () =>
      readFileSync(auditPath, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as ReturnType<Parts['audited']>[number]),
  };
}

const ruleSet = loadRuleSet('rules', join(mkdtempSync(join(tmpdir(), 'kiosk-rules-')), 'last'));

describe('staff handlers', () => {
  it('says how many tries are left, then how long to wait, and lets the right PIN in after the lockout', async () => {
    const p = await parts();
    const handlers = staffHandlers({ ...p, log });
    const wrong = await handlers.staffUnlock({ role: 'guide', pin: '000000' }, CITIZEN);
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'wrong_pin', facts: { attemptsBeforeLockout: 2 } },
    });
    for (let i = 0; i < 5; i += 1)
      await handlers.staffUnlock({ role: 'guide', pin: '000000' }, CITIZEN);
    const locked = await handlers.staffUnlock({ role: 'guide', pin: '135790' }, CITIZEN);
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked_out' } });
    const seconds =
      !locked.ok && locked.error.code === 'locked_out' ? locked.error.facts.retryAfterSeconds : 0;
    expect(seconds).toBeGreaterThan(0);
    p.clock.advance(seconds * 1000);
    await expect(handlers.staffUnlock({ role: 'guide', pin: '135790' }, CITIZEN)).resolves.toEqual({
      ok: true,
      value: { role: 'guide' },
    });
    expect(p.events).toEqual(['staffChanged']);
    expect(p.audited().map((e) => e.action)).toContain('staff.unlock_refused');
    expect(p.audited().at(-1)).toMatchObject({ actor: 'guide', action: 'staff.unlock' });
    // The role comes from dispatch: a guide's call says "guide".
    await expect(handlers.staffStatus({}, GUIDE)).resolves.toEqual({
      ok: true,
      value: { role: 'guide' },
    });
    await expect(handlers.staffStatus({}, CITIZEN)).resolves.toEqual({
      ok: true,
      value: { role: null },
    });
  });
});

describe('session handlers', () => {
  it('refuses an unknown service, rereads a card already down, and audits start and end', async () => {
    const p = await parts();
    let onReader = true;
    let rereads = 0;
    const handlers = sessionHandlers({
      ...p,
      log,
      ruleSet,
      cardOnReader: () => onReader,
      devices: { rereadIdCards: () => void (rereads += 1) },
    });
    await expect(
      handlers.startSession({ serviceId: serviceId('no-such-item') }, CITIZEN),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_service' },
    });
    const started = await handlers.startSession(
      { serviceId: serviceId('passport-first') },
      CITIZEN,
    );
    expect(started).toMatchObject({ ok: true, value: { cardOnReader: true } });
    expect(rereads).toBe(1);
    onReader = false;
    await expect(handlers.endSession({ reason: 'guide' }, GUIDE)).resolves.toEqual({
      ok: true,
      value: { cardOnReader: false },
    });
    expect(p.sessions.current()).toBeNull();
    const actions = p
      .audited()
      .filter((e) => e.actor !== 'system')
      .map((e) => `${e.actor} ${e.action}`);
    expect(actions).toEqual([
      'citizen session.start',
      'guide guide.endSession',
      'citizen session.end',
    ]);
    // Nothing open: ending again is harmless, and says where the card is.
    await expect(handlers.endSession({ reason: 'idle' }, CITIZEN)).resolves.toMatchObject({
      ok: true,
    });
  });
});

describe('guide and help handlers', () => {
  it("records a guide action with the caller's role, and refuses a reason common.json does not list", async () => {
    const p = await parts();
    const handlers = guideHandlers({
      ...p,
      log,
      ruleSet,
      face: { toWindow: () => undefined },
      payments: { abandon: () => Promise.reject(new Error('no payment in this test')) },
    });
    await expect(
      handlers.guideAction({ action: 'elderMode', on: true }, GUIDE),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'no_session' },
    });
    p.sessions.start(serviceId('passport-first'));
    await expect(
      handlers.guideAction({ action: 'greenChannel', reason: 'bribe' }, GUIDE),
    ).resolves.toMatchObject({ ok: false, error: { code: 'unknown_reason' } });
    const marked = await handlers.guideAction(
      { action: 'greenChannel', reason: 'mobility' },
      GUIDE,
    );
    expect(marked).toMatchObject({
      ok: true,
      value: { greenChannelReason: 'mobility', assisted: true },
    });
    expect(p.audited().at(-1)).toMatchObject({
      actor: 'guide',
      action: 'guide.greenChannel',
      fields: { value: 'mobility', service: 'passport-first' },
    });
  });

  it('lets only staff answer a call for help', async () => {
    const p = await parts();
    const help = createHelpDesk({ clock: p.clock, audit: p.audit, log, notify: () => null });
    const handlers = helpHandlers({ help });
    await handlers.callStaff({ screen: 'question' }, CITIZEN);
    await expect(handlers.getHelpRequest({}, CITIZEN)).resolves.toMatchObject({
      ok: true,
      value: { screen: 'question' },
    });
    await expect(handlers.answerStaffCall({}, CITIZEN)).resolves.toEqual({
      ok: true,
      value: { answered: false },
    });
    await expect(handlers.answerStaffCall({}, GUIDE)).resolves.toEqual({
      ok: true,
      value: { answered: true },
    });
    await expect(handlers.getHelpRequest({}, CITIZEN)).resolves.toEqual({ ok: true, value: null });
  });

  it('says there is no back office to sync with, rather than pretending', async () => {
    const p = await parts();
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'kiosk-queue-')), 'k.sqlite'));
    if (!db.ok) throw new Error(db.error.message);
    const handlers = queueHandlers({
      ...p,
      log,
      sync: null,
      outbox: createOutbox(db.value, Buffer.alloc(32, 1)),
      payments: { unsettled: () => [] },
      storage: () => ({ freeMb: 1000, minFreeMb: 200, ok: true }),
    });
    await expect(handlers.getQueueStatus({}, GUIDE)).resolves.toMatchObject({
      ok: true,
      value: { backOfficeConfigured: false, link: { reachable: null } },
    });
    await expect(handlers.syncNow({}, GUIDE)).resolves.toMatchObject({
      ok: false,
      error: { code: 'no_back_office' },
    });
  });
});
