/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- the cases edit arbitrary JSON the way a station would by hand */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
/** The shipped service files, common.json and the calendar years: what a clean run counts. */
const SHIPPED_FILES =
  readdirSync(join(ROOT, 'rules', 'services')).length +
  1 +
  readdirSync(join(ROOT, 'rules', 'calendar')).length;

/** Copies the shipped rules, breaks one file the way a station might, and runs `npm run rules:check` on it. */
function check(
  breakIt: (
    read: (f: string) => Record<string, any>,
    write: (f: string, d: unknown) => void,
  ) => void,
) {
  const dir = mkdtempSync(join(tmpdir(), 'rules-check-'));
  cpSync(join(ROOT, 'rules', 'services'), join(dir, 'services'), { recursive: true });
  cpSync(join(ROOT, 'rules', 'common.json'), join(dir, 'common.json'));
  cpSync(join(ROOT, 'rules', 'calendar'), join(dir, 'calendar'), { recursive: true });
  const path = (f: string) => join(dir, f);
  breakIt(
    (f) => JSON.parse(readFileSync(path(f), 'utf8')) as Record<string, any>,
    (f, d) => writeFileSync(path(f), typeof d === 'string' ? d : JSON.stringify(d, null, 2)),
  );
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'build', 'scripts', 'run-ts.mjs'), join(ROOT, 'rules', 'node', 'check.ts'), dir],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return { status: run.status, out: run.stdout + run.stderr };
}

const P = 'services/passport-first.json';
const H = 'services/hukou-move-in.json';

describe('npm run rules:check', () => {
  it('passes the shipped rule files', () => {
    const result = check(() => undefined);
    expect(SHIPPED_FILES).toBeGreaterThanOrEqual(19);
    expect(result.out).toContain(`rules:check: ${SHIPPED_FILES} rule files, 0 problems`);
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'a file that is not JSON',
      (r: any, w: any) => w(P, '{ "id": "passport-first", '),
      /passport-first\.json \$: not valid JSON/,
    ],
    [
      'a missing English text',
      (r: any, w: any) => {
        const d = r(P);
        delete d.name.en;
        w(P, d);
      },
      /passport-first\.json \$\.name\.en: /,
    ],
    [
      'an unknown question type',
      (r: any, w: any) => {
        const d = r(P);
        d.questions[0].type = 'phone';
        w(P, d);
      },
      /\$\.questions\[0\]\.type: Invalid discriminator/,
    ],
    [
      'a legal basis that names a law without an article',
      (r: any, w: any) => {
        const d = r(P);
        d.guide.legalBasis[0]['zh-CN'] = '《中华人民共和国护照法》';
        w(P, d);
      },
      /\$\.guide\.legalBasis\[0\]: "《中华人民共和国护照法》" names neither an article/,
    ],
    [
      'a check that stops a citizen with no basis and not marked as a consistency check',
      (r: any, w: any) => {
        const d = r(P);
        delete d.questions.find((q: any) => q.id === 'companion').checks[0].basis;
        w(P, d);
      },
      /passport-first\.json \$\.questions\[\d+\]\.checks\[0\]: a check names its "basis" \(the article that stops the citizen\) or is marked "consistency": true/,
    ],
    [
      'a check whose basis names no article, document or service guide',
      (r: any, w: any) => {
        const d = r(P);
        d.questions.find((q: any) => q.id === 'companion').checks[0].basis['zh-CN'] =
          '护照申请的有关规定';
        w(P, d);
      },
      /\$\.questions\[\d+\]\.checks\[0\]\.basis: "护照申请的有关规定" names neither an article/,
    ],
    [
      'an expired card refused with no article',
      (r: any, w: any) => {
        const d = r(P);
        delete d.identity.expiredBasis;
        w(P, d);
      },
      /passport-first\.json \$\.identity\.expiredBasis: an expired card is refused here: "expiredBasis" names the article/,
    ],
    [
      'a kind of card refused with no article',
      (r: any, w: any) => {
        const d = r(P);
        delete d.identity.notAcceptedBasis;
        w(P, d);
      },
      /passport-first\.json \$\.identity\.notAcceptedBasis: only resident is accepted here/,
    ],
    [
      'a card refused on a basis that names no article, document or service guide',
      (r: any, w: any) => {
        const d = r(P);
        d.identity.expiredBasis['zh-CN'] = '须持有效证件';
        w(P, d);
      },
      /\$\.identity\.expiredBasis: "须持有效证件" names neither an article/,
    ],
    [
      'a fee without the document that sets it',
      (r: any, w: any) => {
        const d = r(P);
        d.guide.feeBasis['zh-CN'] = '国家发展改革委、财政部关于护照收费标准的规定。';
        w(P, d);
      },
      /\$\.guide\.feeBasis: a fee needs the document that sets it/,
    ],
    [
      'a number written as text in a comparison',
      (r: any, w: any) => {
        const d = r('services/driving-licence-renewal.json');
        d.outcomes[0].cases[0].when.and[1]['>='][1] = '63';
        w('services/driving-licence-renewal.json', d);
      },
      /driving-licence-renewal\.json \$\.outcomes\[0\]\.cases\[0\]\.when: compares with the text "63"/,
    ],
    [
      'a material that is never required',
      (r: any, w: any) => {
        const d = r(P);
        d.materials.find((m: any) => m.id === 'employerOpinion').requiredIf = false;
        w(P, d);
      },
      /passport-first\.json \$\.materials\[\d+\]\.requiredIf: "employerOpinion" is never required/,
    ],
    [
      'the emergency line as the consultation phone',
      (r: any, w: any) => {
        const d = r(H);
        d.guide.consultPhone = '110';
        w(H, d);
      },
      /hukou-move-in\.json \$\.guide\.consultPhone: 110 is an emergency line/,
    ],
    [
      'a malformed phone number',
      (r: any, w: any) => {
        const d = r(P);
        d.guide.complaintPhone = '1238';
        w(P, d);
      },
      /\$\.guide\.complaintPhone: "1238" is not a phone number/,
    ],
    [
      'an id that does not match the file name',
      (r: any, w: any) => {
        const d = r(P);
        d.id = 'passport';
        w(P, d);
      },
      /\$\.id: id "passport" does not match the file name/,
    ],
    [
      'a condition on an unknown question',
      (r: any, w: any) => {
        const d = r(H);
        d.questions[2].visibleIf = { '==': [{ var: 'answers.intoOthers' }, 'yes'] };
        w(H, d);
      },
      /hukou-move-in\.json \$\.questions\[2\]\.visibleIf: "answers\.intoOthers" is not a question/,
    ],
    [
      'a condition on a later question',
      (r: any, w: any) => {
        const d = r(H);
        d.questions[0].visibleIf = { '==': [{ var: 'answers.mobile' }, '1'] };
        w(H, d);
      },
      /\$\.questions\[0\]\.visibleIf: "answers\.mobile" is answered at or after this question/,
    ],
    [
      'a misspelt option value',
      (r: any, w: any) => {
        const d = r(H);
        d.materials[4].requiredIf = { '==': [{ var: 'answers.reason' }, 'spuose'] };
        w(H, d);
      },
      /\$\.materials\[4\]\.requiredIf: "spuose" is not an option of question "reason"/,
    ],
    [
      'an unknown material in a requirement',
      (r: any, w: any) => {
        const d = r(H);
        d.requirements[0].of = ['birthCertificate', 'kinshipProofs'];
        w(H, d);
      },
      /\$\.requirements\[0\]: material "kinshipProofs" does not exist/,
    ],
    [
      'a forbidden operator',
      (r: any, w: any) => {
        const d = r(H);
        d.fee.items = [{ when: { log: [1] }, amount: 1, label: { 'zh-CN': '费', en: 'Fee' } }];
        w(H, d);
      },
      /\$\.fee\.items\[0\]\.when: unknown or forbidden JSONLogic operator "log"/,
    ],
    [
      'an unknown identity field',
      (r: any, w: any) => {
        const d = r(P);
        d.materials[2].requiredIf = { '<': [{ var: 'identity.ageYears' }, 16] };
        w(P, d);
      },
      /"identity\.ageYears" is not known/,
    ],
    [
      'an unknown station field',
      (r: any, w: any) => {
        const d = r(P);
        d.timeLimit.cases = [{ when: { '!=': [{ var: 'station.region' }, '11'] }, days: 20 }];
        w(P, d);
      },
      /\$\.timeLimit\.cases\[0\]\.when: "station\.region" is not known; use station\.province/,
    ],
    [
      'a time case in both working and calendar days',
      (r: any, w: any) => {
        const d = r(P);
        d.timeLimit.cases = [{ when: true, days: 20, workingDays: 7 }];
        w(P, d);
      },
      /\$\.timeLimit\.cases\[0\]/,
    ],
    [
      'a broken pattern',
      (r: any, w: any) => {
        const f = 'services/hk-macau-endorsement.json';
        const d = r(f);
        d.questions[0].pattern = '[C';
        w(f, d);
      },
      /\$\.questions\[0\]\.pattern: not a valid pattern/,
    ],
    [
      'a broken common.json',
      (r: any, w: any) => {
        const d = r('common.json');
        d.greenChannel[0].when = { '>=': [{ var: 'identity.years' }, 70] };
        w('common.json', d);
      },
      /"identity\.years" is not known/,
    ],
    [
      'a typo in the text form of "in" (part of no option value)',
      (r: any, w: any) => {
        const f = 'services/driving-licence-renewal.json';
        const d = r(f);
        const and = d.outcomes[0].cases[0].when.and;
        and[and.findIndex((c: any) => 'in' in c)] = { in: ['Z', { var: 'answers.licenceClass' }] };
        w(f, d);
      },
      /\$\.outcomes\[0\]\.cases\[0\]\.when: "Z" is part of no option of question "licenceClass"/,
    ],
    [
      'a number compared for equality with text',
      (r: any, w: any) => {
        const f = 'services/driving-licence-renewal.json';
        const d = r(f);
        d.outcomes[0].cases[0].when.and[1] = { '===': [{ var: 'identity.age' }, '63'] };
        w(f, d);
      },
      /\$\.outcomes\[0\]\.cases\[0\]\.when: compares with the text "63"/,
    ],
    [
      'a question that is never asked',
      (r: any, w: any) => {
        const d = r(P);
        d.questions[1].visibleIf = false;
        w(P, d);
      },
      /passport-first\.json \$\.questions\[1\]\.visibleIf: is false: question "[^"]+" is never asked/,
    ],
    [
      'an option that is never offered',
      (r: any, w: any) => {
        const d = r(P);
        d.questions.find((q: any) => q.type === 'choice').options[0].visibleIf = false;
        w(P, d);
      },
      /passport-first\.json \$\.questions\[\d+\]\.options\[0\]\.visibleIf: is false: option "[^"]+" is never offered/,
    ],
    [
      'a fee case that never applies',
      (r: any, w: any) => {
        const f = 'services/hk-macau-endorsement.json';
        const d = r(f);
        d.fee.items[0].when = false;
        w(f, d);
      },
      /hk-macau-endorsement\.json \$\.fee\.items\[0\]\.when: is false: this case never applies/,
    ],
    [
      'a case whose parts contradict each other (one answer, two values)',
      (r: any, w: any) => {
        const d = r(H);
        d.timeLimit.cases[0].when = {
          and: [
            { '==': [{ var: 'answers.reason' }, 'spouse'] },
            { '==': [{ var: 'answers.reason' }, 'family'] },
          ],
        };
        w(H, d);
      },
      /hukou-move-in\.json \$\.timeLimit\.cases\[0\]\.when: never holds: answers\.reason == "spouse" and answers\.reason == "family" cannot both be true, so this case never applies/,
    ],
    [
      'a question asked only for ages that cannot be (under 16 and 18 or over)',
      (r: any, w: any) => {
        const d = r(P);
        d.questions[1].visibleIf = {
          and: [{ '<': [{ var: 'identity.age' }, 16] }, { '>=': [{ var: 'identity.age' }, 18] }],
        };
        w(P, d);
      },
      /passport-first\.json \$\.questions\[1\]\.visibleIf: never holds: identity\.age < 16 and identity\.age >= 18 cannot both be true, so question "[^"]+" is never asked/,
    ],
    [
      'a material required only for an answer its other condition excludes',
      (r: any, w: any) => {
        const d = r(H);
        d.materials[1].requiredIf = {
          and: [
            { in: [{ var: 'answers.reason' }, ['spouse', 'family']] },
            { '!=': [{ var: 'answers.reason' }, 'spouse'] },
            { '!==': [{ var: 'answers.reason' }, 'family'] },
          ],
        };
        w(H, d);
      },
      /hukou-move-in\.json \$\.materials\[1\]\.requiredIf: never holds: answers\.reason in \["spouse","family"\] and answers\.reason != "spouse"/,
    ],
  ])('fails on %s, naming file and JSON path', (_what, breakIt, expected) => {
    const result = check(breakIt as never);
    expect(result.status).toBe(1);
    expect(result.out).toMatch(expected);
    expect(result.out).toMatch(
      new RegExp(`rules:check: ${SHIPPED_FILES} rule files, [1-9]\\d* problems?`),
    );
  });

  it('reports a schema problem and a condition problem of the same file in one run', () => {
    const result = check((r, w) => {
      const d = r(P);
      d.questions[0].type = 'phone';
      d.questions[1].visibleIf = { '==': [{ var: 'answers.nosuch' }, 'x'] };
      w(P, d);
    });
    expect(result.status).toBe(1);
    expect(result.out).toMatch(
      /passport-first\.json \$\.questions\[0\]\.type: Invalid discriminator/,
    );
    expect(result.out).toMatch(
      /passport-first\.json \$\.questions\[1\]\.visibleIf: "answers\.nosuch" is not a question of this service/,
    );
  });
});
