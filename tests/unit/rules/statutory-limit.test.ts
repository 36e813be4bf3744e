import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statutoryLimitProblems } from '../../../rules/engine/statutory-limit';
import { checkRulesDir } from '../../../rules/node/check-dir';
import { projectRoot } from '../../project-root';
import { shippedCalendar } from '../../shipped-calendar';
import { loadRule } from './load-rule';

const calendar = shippedCalendar();
const FIFTEEN_DAYS = {
  days: 15,
  unit: 'calendar' as const,
  basis: { 'zh-CN': '《居住证暂行条例》第九条', en: 'art. 9' },
};

describe('rules:check: a promise never ends after the statutory limit', () => {
  it('passes the shipped residence permit (15日, the statutory limit itself)', () => {
    expect(statutoryLimitProblems(loadRule('residence-permit'), calendar)).toEqual([]);
  });

  it('fires on the old promise of 10 working days: accepted before the Spring Festival it ends after 15 days', () => {
    const rule = loadRule('residence-permit');
    const old = {
      ...rule,
      timeLimit: { workingDays: 10, cases: [], statutory: FIFTEEN_DAYS },
    };
    const [problem, ...rest] = statutoryLimitProblems(old, calendar);
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('$.timeLimit.workingDays');
    expect(problem?.message).toMatch(
      /the promise \(10 working days\) ends after the statutory 15 days \(《居住证暂行条例》第九条\) when accepted on 2026-02-0\d/,
    );
  });

  it('holds each case to its own statutory limit, or the item’s', () => {
    const rule = loadRule('residence-permit');
    const cased = {
      ...rule,
      timeLimit: {
        workingDays: 5,
        statutory: FIFTEEN_DAYS,
        cases: [
          { when: { '==': [{ var: 'answers.x' }, 'y'] }, days: 20 },
          {
            when: { '==': [{ var: 'answers.x' }, 'z'] },
            days: 20,
            statutory: { ...FIFTEEN_DAYS, days: 30 },
          },
        ],
      },
    };
    expect(statutoryLimitProblems(cased, calendar).map((p) => p.path)).toEqual([
      '$.timeLimit.cases[0]',
    ]);
  });

  it('is reported by rules:check with the file, on a station’s copy of the rules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-statutory-'));
    const root = projectRoot();
    for (const part of ['services', 'calendar', 'common.json'])
      cpSync(join(root, 'rules', part), join(dir, part), { recursive: true });
    const file = join(dir, 'services', 'residence-permit.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { timeLimit: Record<string, unknown> };
    json.timeLimit = { workingDays: 10, statutory: FIFTEEN_DAYS };
    writeFileSync(file, JSON.stringify(json));
    const result = checkRulesDir(dir, { relativeTo: dir });
    expect(result.problems.map((p) => `${p.file} ${p.problem.path}`)).toEqual([
      'services/residence-permit.json $.timeLimit.workingDays',
    ]);
  });
});
