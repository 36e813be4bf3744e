import { serviceId } from '../../../service-id';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../../core/api/contract';
import { manualClock } from '../../../../core/clock';
import type { Identity } from '../../../../core/identity';
import type { RefusalNoticeLines } from '../../../../core/refusal-notice';
import { err, ok, type Result } from '../../../../core/result';
import { openAuditLog } from '../../../../electron/audit/audit-log';
import { defaultConfig } from '../../../../electron/config/default';
import { parseConfig } from '../../../../electron/config/load';
import type { DeviceManager } from '../../../../electron/devices/manager';
import { printingHandlers } from '../../../../electron/kiosk/handlers/printing';
import { loadRuleSet } from '../../../../electron/kiosk/rule-files';
import { createSessionKeeper } from '../../../../electron/kiosk/session';
import { createLogger } from '../../../../electron/shared/log';
import { evaluate } from '../../../../rules/engine/evaluate';

/**
 * The refusal notice's handler on the real rules, session keeper and audit log, on a manual
 * clock; the printer is the one part replaced: it keeps what it was asked to print.
 */
const CITIZEN: Caller = { role: 'citizen' };
const log = createLogger({ quiet: true });
const ruleSet = loadRuleSet('rules', join(mkdtempSync(join(tmpdir(), 'kiosk-rules-')), 'last'));
const child: Identity = {
  kind: 'resident',
  name: '欧阳小龙',
  sex: 'male',
  birthDate: '2011-05-01',
  idNumber: '110105201105010015',
  address: '北京市朝阳区示例路88号3单元201室',
  validFrom: '2021-05-01',
  validTo: '2031-05-01',
  hasPhoto: false,
};

function kiosk() {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-refusal-'));
  const clock = manualClock(new Date('2026-06-15T02:00:00.000Z'));
  const auditPath = join(dir, 'audit.jsonl');
  const audit = openAuditLog({ path: auditPath, log, clock });
  if (!audit.ok) throw new Error(audit.error.message);
  const config = parseConfig('test', defaultConfig);
  if (!config.ok) throw new Error(config.error.message);
  const printed: RefusalNoticeLines[] = [];
  const paper = { out: false };
  const devices = {
    printRefusal: (notice: RefusalNoticeLines): Promise<Result<void>> => {
      if (paper.out) return Promise.resolve(err('paper_out', 'printer reports paper out'));
      printed.push(notice);
      return Promise.resolve(ok(undefined));
    },
  } as unknown as DeviceManager;
  const sessions = createSessionKeeper(clock);
  const handlers = printingHandlers({
    audit: audit.value,
    clock,
    config: config.value,
    devices,
    log,
    ruleSet,
    sessions,
    systemPrinter: null,
  });
  const audited = () =>
    readFileSync(auditPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string; fields: Record<string, unknown> });
  return { handlers, sessions, printed, paper, audited };
}

const alone = {
  serviceId: serviceId('passport-renewal'),
  questionId: 'companion',
  answers: { companion: 'alone' },
  manualEntry: false,
};

describe('printRefusal', () => {
  it('prints the refusal its rules make, with its basis, nothing of the child, at most three times', async () => {
    const k = kiosk();
    k.sessions.start(serviceId('passport-renewal')).identity = child;
    const first = await k.handlers.printRefusal(alone, CITIZEN);
    expect(first).toEqual({ ok: true, value: { status: 'printed', problem: null } });
    const notice = k.printed[0]!;
    expect(notice.reason).toContain('须由监护人陪同');
    expect(notice.basis).toContain('签发管理办法》第三条');
    expect(notice.rows.map((r) => r.value)).toContain('12345');
    expect(JSON.stringify(notice)).not.toMatch(/欧阳|小龙|110105201105010015/);
    const entry = k.audited().find((e) => e.action === 'refusal.printed');
    expect(entry?.fields).toMatchObject({ service: 'passport-renewal', question: 'companion' });
    expect(JSON.stringify(k.audited())).not.toContain('alone');
    await k.handlers.printRefusal(alone, CITIZEN);
    await k.handlers.printRefusal(alone, CITIZEN);
    expect(await k.handlers.printRefusal(alone, CITIZEN)).toMatchObject({
      ok: false,
      error: { code: 'print_limit' },
    });
    expect(k.printed).toHaveLength(3);
  });

  it('says when the printer fails, and stops trying after eight attempts', async () => {
    const k = kiosk();
    k.sessions.start(serviceId('passport-renewal')).identity = child;
    k.paper.out = true;
    for (let attempt = 0; attempt < 8; attempt += 1)
      expect(await k.handlers.printRefusal(alone, CITIZEN)).toEqual({
        ok: true,
        value: { status: 'failed', problem: 'paper_out' },
      });
    k.paper.out = false;
    expect(await k.handlers.printRefusal(alone, CITIZEN)).toMatchObject({
      error: { code: 'print_limit' },
    });
    expect(k.printed).toHaveLength(0);
    expect(k.audited().filter((e) => e.action === 'refusal.print_failed')).toHaveLength(8);
  });

  it('prints nothing for an answer its rules accept, another service, or no session', async () => {
    const k = kiosk();
    expect(await k.handlers.printRefusal(alone, CITIZEN)).toMatchObject({
      error: { code: 'no_session' },
    });
    k.sessions.start(serviceId('passport-renewal')).identity = child;
    expect(
      await k.handlers.printRefusal({ ...alone, answers: { companion: 'guardian' } }, CITIZEN),
    ).toMatchObject({ error: { code: 'not_refused' } });
    // A check that only asks for a correction is no refusal either: the engine says the date is
    // wrong (before the child was born), and no article stops anyone.
    const before2011 = { companion: 'guardian', reason: 'lost', lostWhen: '2001-01-01' };
    const said = evaluate({
      rule: ruleSet.rules.get(serviceId('passport-renewal'))!.rule,
      answers: before2011,
      card: child,
      today: '2026-06-15',
      calendar: ruleSet.calendar,
      stationCode: '110105001',
    }).fieldErrors.find((e) => e.questionId === 'lostWhen');
    expect(said).toMatchObject({ code: 'check' });
    expect(said?.basis).toBeUndefined();
    expect(
      await k.handlers.printRefusal(
        {
          ...alone,
          questionId: 'lostWhen',
          answers: before2011,
        },
        CITIZEN,
      ),
    ).toMatchObject({ error: { code: 'not_refused' } });
    expect(
      await k.handlers.printRefusal({ ...alone, serviceId: serviceId('passport-first') }, CITIZEN),
    ).toMatchObject({ error: { code: 'no_session' } });
    expect(k.printed).toHaveLength(0);
  });

  it('prints a card the item refuses, expired or of another kind, with the article; nothing for a valid card', async () => {
    const k = kiosk();
    const atCard = {
      ...alone,
      serviceId: serviceId('no-criminal-record'),
      questionId: null,
      answers: {},
    };
    const session = k.sessions.start(serviceId('no-criminal-record'));
    session.identity = { ...child, birthDate: '1980-05-01', validTo: '2026-05-01' };
    expect(await k.handlers.printRefusal(atCard, CITIZEN)).toEqual({
      ok: true,
      value: { status: 'printed', problem: null },
    });
    const expired = k.printed[0]!;
    expect(expired.reason).toContain('身份证已超过有效期限');
    expect(expired.basis).toContain('居民身份证法》第十一条');
    expect(expired.rows.map((r) => r.value)).toContain('读取身份证');
    expect(JSON.stringify(expired)).not.toMatch(/欧阳|小龙|110105201105010015|2026-05-01/);
    expect(k.audited().find((e) => e.action === 'refusal.printed')?.fields).toMatchObject({
      service: 'no-criminal-record',
      question: 'identity',
    });
    session.identity = { ...child, kind: 'hmt' };
    await k.handlers.printRefusal(atCard, CITIZEN);
    expect(k.printed[1]?.reason).toContain('须凭居民身份证办理');
    expect(k.printed[1]?.basis).toContain('公通字〔2021〕19号）第五条');
    // A valid resident card is no refusal; nor is an expired card where the item renews it.
    session.identity = child;
    expect(await k.handlers.printRefusal(atCard, CITIZEN)).toMatchObject({
      error: { code: 'not_refused' },
    });
    const renewal = k.sessions.start(serviceId('id-card-renewal'));
    renewal.identity = { ...child, validTo: '2026-05-01' };
    expect(
      await k.handlers.printRefusal(
        { ...atCard, serviceId: serviceId('id-card-renewal') },
        CITIZEN,
      ),
    ).toMatchObject({ error: { code: 'not_refused' } });
    expect(k.printed).toHaveLength(2);
  });
});
