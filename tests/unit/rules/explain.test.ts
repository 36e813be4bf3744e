import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonFileNames } from '../../../rules/node/bundle-files';
import { explain } from '../../../rules/node/explain';
import { projectRoot } from '../../project-root';

const ROOT = projectRoot();
const RULES = join(ROOT, 'rules');
const CARD = {
  kind: 'resident',
  name: '王晓明',
  sex: 'male',
  birthDate: '1988-06-15',
  idNumber: '110105198806150032',
  address: '北京市朝阳区示例路1号',
  validTo: '2036-01-01',
} as const;

describe('rules:explain', () => {
  it('answers for every shipped item, from the same engine the kiosk runs', () => {
    for (const file of jsonFileNames(join(RULES, 'services'))) {
      const serviceId = file.replace(/\.json$/, '');
      const result = explain({
        rulesDir: RULES,
        serviceId,
        card: CARD,
        answers: {},
        today: '2026-06-15',
        stationCode: '110105001',
      });
      expect(result.ok, serviceId).toBe(true);
      const value = (result.ok ? result.value : {}) as {
        service: { id: string };
        questions: unknown[];
        fee: { total: number; basis: string | null };
        timeLimit: { due: string };
      };
      expect(value.service.id).toBe(serviceId);
      expect(value.questions.length, serviceId).toBeGreaterThan(0);
      // A fee always names the document that sets it.
      if (value.fee.total > 0) expect(value.fee.basis, serviceId).toMatch(/〔\d{4}〕\d+号/);
      expect(value.timeLimit.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('tells a family-visit endorsement applicant the fee, the due date across the National Day week, and every missing material', () => {
    const result = explain({
      rulesDir: RULES,
      serviceId: 'hk-macau-endorsement',
      card: CARD,
      answers: {
        permitNumber: 'C12345678',
        permitValidTo: '2029-01-01',
        endorsementType: 'T',
        visitRelation: 'spouse',
        previousSameKind: 'yes',
        destination: 'both',
        trips: '1y-multi',
      },
      today: '2026-09-28',
      stationCode: '110105001',
    });
    expect(result.ok && result.value).toMatchObject({
      fee: { total: 160, basis: expect.stringContaining('发改价格〔2017〕1186号') },
      timeLimit: { days: 7, unit: 'working', text: '7个工作日', due: '2026-10-13' },
      fieldErrors: [{ question: 'mobile', code: 'required' }],
      missing: [{ id: 'travelPermit' }, { id: 'relativeProof' }],
      status: 'pending_completion',
    });
  });

  it('on the command line: JSON out, and a clear message with exit 2 for bad input', () => {
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['build/scripts/run-ts.mjs', 'build/scripts/rules-explain.ts', ...args],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
    const ok = run('id-card-first', '--today', '2026-06-15', '--locale', 'en');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      service: { id: 'id-card-first' },
      fee: { total: 0 },
    });
    const unknown = run('no-such-item');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no service "no-such-item"');
    const badCard = run('passport-first', '--card', '{"kind":"resident"}');
    expect(badCard.status).toBe(2);
    expect(badCard.stderr).toContain('--card');
  });
});

describe('rules:explain on a refusal', () => {
  it('gives the field error with the basis the kiosk shows under it', () => {
    const result = explain({
      rulesDir: RULES,
      serviceId: 'hk-macau-endorsement',
      card: CARD,
      answers: { permitNumber: 'C12345678', permitValidTo: '2026-11-01' },
      today: '2026-09-28',
      stationCode: '110105001',
    });
    expect(result.ok && result.value).toMatchObject({
      fieldErrors: expect.arrayContaining([
        {
          question: 'permitValidTo',
          label: '通行证有效期至',
          code: 'check',
          params: {},
          message: '通行证剩余有效期不足3个月，请先申请换发通行证后再办签注',
          basis: expect.stringMatching(/^国家移民管理局港澳签注服务指南/),
        },
      ]),
    });
  });
});

describe('rules:report', () => {
  it('writes one page per item with its facts and sources, and an index of what is unreviewed', () => {
    const out = mkdtempSync(join(tmpdir(), 'rules-report-'));
    const run = spawnSync(
      process.execPath,
      ['build/scripts/run-ts.mjs', 'build/scripts/rules-report.ts', '--out', out],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const services = jsonFileNames(join(RULES, 'services'));
    expect(run.stdout).toContain(`rules:report: ${services.length} item(s)`);
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    for (const file of services) expect(index).toContain(file.replace(/\.json$/, '.md'));
    const page = readFileSync(join(out, 'hk-macau-endorsement.md'), 'utf8');
    expect(page).toContain('收费依据: 《国家发展改革委 财政部');
    expect(page).toContain('| 80 | 香港多次有效签注（一年以内） |');
    expect(page).toContain('## Who is stopped, and why');
    // The refusal under it, with the basis a reviewer checks.
    expect(page).toMatch(/- 通行证剩余有效期不足3个月.*— 依据：国家移民管理局港澳签注服务指南/);
    const child = readFileSync(join(out, 'passport-first.md'), 'utf8');
    expect(child).toMatch(
      /未满16周岁申请护照.*\(question `companion`\) — 依据：《中华人民共和国普通护照和出入境通行证签发管理办法》第三条/,
    );
    // A check that only asks for a correction is marked so, and is not among the refusals.
    expect(child).toContain('这是申请人本人的身份号码。请填写监护人的号码。（核对）');
  });
});
