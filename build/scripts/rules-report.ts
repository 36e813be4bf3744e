/**
 * `npm run rules:report [-- --out rules-report] [--rules DIR]`: one reviewable
 * page per service item (Markdown), for the authority that signs the rule
 * bundle: every fact the kiosk tells a citizen, next to the source the file
 * gives for it — the guide's texts, the legal basis, the fee lines with their
 * conditions and the document that sets them, the time limit and its cases,
 * the questions, the materials, the conditions that stop a citizen — and who
 * reviewed the file. An index lists the items and what is still unreviewed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonFileNames } from '../../rules/node/bundle-files';
import { parseCommonFile, parseServiceFile } from '../../rules/engine/load';
import type { LocalText, ServiceRule } from '../../rules/engine/schema';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'rules-report' }, rules: { type: 'string' } },
});
const cwd = process.env['INIT_CWD'] ?? process.cwd();
const rulesDir = resolve(cwd, values.rules ?? join(__dirname, '..', '..', 'rules'));
const outDir = resolve(cwd, values.out);

const zh = (text: LocalText | undefined): string => text?.['zh-CN'] ?? '—';
/** A JSONLogic condition as the file writes it: the reviewer reads the exact rule. */
const when = (condition: unknown): string =>
  condition === undefined || condition === true ? 'always' : `\`${JSON.stringify(condition)}\``;
const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The card stops: an expired card (unless the item renews it) and a kind it does not take. */
function identityStops(rule: ServiceRule): string[] {
  const { identity } = rule;
  return [
    ...(identity.acceptExpired
      ? []
      : [`- An expired identity card — 依据：${cell(zh(identity.expiredBasis))}`]),
    `- A card other than: ${identity.accepted.join(', ')} — 依据：${cell(zh(identity.notAcceptedBasis))}`,
  ];
}

function page(rule: ServiceRule): string {
  const g = rule.guide;
  /** The checks the law makes: they stop the citizen, each with its basis. */
  const refusals = rule.questions.flatMap((q) =>
    q.checks.filter((c) => c.basis !== undefined).map((check) => ({ question: q.id, check })),
  );
  const lines: string[] = [
    `# ${zh(rule.name)} (\`${rule.id}\`, version ${rule.version})`,
    '',
    `Reviewed by: **${rule.reviewedBy ?? 'not reviewed'}**${rule.reviewedAt === null || rule.reviewedAt === undefined ? '' : ` on ${rule.reviewedAt}`}`,
    '',
    `${zh(rule.summary)}`,
    '',
    '## The public guide',
    '',
    '| field | what the kiosk says |',
    '| --- | --- |',
    `| 适用对象 | ${cell(zh(g.audience))} |`,
    ...g.conditions.map((c, i) => `| 办理条件 ${i + 1} | ${cell(zh(c))} |`),
    ...g.process.map(
      (p, i) => `| 办理流程 ${i + 1} | ${cell(`${zh(p.title)}：${zh(p.detail)}`)} |`,
    ),
    `| 办理时限 | ${cell(zh(g.timeLimitNote))} |`,
    `| 收费标准 | ${cell(zh(g.feeNote))} |`,
    `| 办理地点 | ${cell(zh(g.location))} |`,
    `| 咨询电话 | ${g.consultPhone ?? 'the station’s own'} |`,
    `| 监督投诉电话 | ${g.complaintPhone} |`,
    '',
    '## Sources',
    '',
    ...g.legalBasis.map((b) => `- 设定依据: ${zh(b)}`),
    `- 收费依据: ${zh(g.feeBasis)}`,
    '',
    '## Fee lines',
    '',
    rule.fee.items.length === 0 ? 'Free: no fee line.' : '| amount (CNY) | line | when |',
    ...(rule.fee.items.length === 0 ? [] : ['| --- | --- | --- |']),
    ...rule.fee.items.map((f) => `| ${f.amount} | ${cell(zh(f.label))} | ${cell(when(f.when))} |`),
    '',
    '## Time limit',
    '',
    `- ${rule.timeLimit.workingDays === 0 ? '当场办结' : `${rule.timeLimit.workingDays} working days`} unless a case below holds`,
    ...rule.timeLimit.cases.map(
      (c) =>
        `- ${'days' in c ? `${c.days} calendar days` : `${c.workingDays} working days`} when ${when(c.when)}`,
    ),
    '',
    '## Who is stopped, and why',
    '',
    ...identityStops(rule),
    ...(rule.eligibility.length === 0 && refusals.length === 0
      ? ['Nobody is refused by a condition of this item (the window still decides).']
      : [
          ...rule.eligibility.map((e) => `- ${cell(zh(e.reason))} — unless ${when(e.holds)}`),
          ...refusals.map(
            ({ question, check }) =>
              `- ${cell(zh(check.message))} (question \`${question}\`) — 依据：${cell(zh(check.basis))}`,
          ),
        ]),
    '',
    '## Questions',
    '',
    '| id | question | type | asked when | checks |',
    '| --- | --- | --- | --- | --- |',
    ...rule.questions.map(
      (q) =>
        `| ${q.id} | ${cell(zh(q.label))} | ${q.type} | ${cell(when(q.visibleIf))} | ${cell(
          (q.checks ?? [])
            .map((c) => `${zh(c.message)}${c.consistency === true ? '（核对）' : '（拒绝，见上）'}`)
            .join('; ') || '—',
        )} |`,
    ),
    '',
    '## Materials',
    '',
    '| id | material | original / copies | notes |',
    '| --- | --- | --- | --- |',
    ...rule.materials.map(
      (m) =>
        `| ${m.id} | ${cell(zh(m.name))} | ${m.original ? 'original' : '—'} / ${m.copies} | ${cell(zh(m.notes))} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

const common = parseCommonFile(readFileSync(join(rulesDir, 'common.json'), 'utf8'));
if (!common.ok) {
  process.stderr.write(`rules:report: common.json: ${common.problems[0]?.message ?? ''}\n`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const index: string[] = [
  '# Service items for review',
  '',
  '| item | version | reviewed by | page |',
  '| --- | --- | --- | --- |',
];
let unreviewed = 0;
let refused = 0;
for (const file of jsonFileNames(join(rulesDir, 'services'))) {
  const parsed = parseServiceFile(
    readFileSync(join(rulesDir, 'services', file), 'utf8'),
    file,
    common.value,
  );
  if (!parsed.ok) {
    refused += 1;
    index.push(`| ${file} | — | refused: ${cell(parsed.problems[0]?.message ?? '')} | — |`);
    continue;
  }
  const rule = parsed.value;
  if (rule.reviewedBy === null || rule.reviewedBy === undefined) unreviewed += 1;
  writeFileSync(join(outDir, `${rule.id}.md`), page(rule));
  index.push(
    `| ${zh(rule.name)} | ${rule.version} | ${rule.reviewedBy ?? '**not reviewed**'} | [${rule.id}.md](${rule.id}.md) |`,
  );
}
writeFileSync(join(outDir, 'index.md'), `${index.join('\n')}\n`);
console.log(
  `rules:report: ${index.length - 4} item(s) in ${outDir} (index.md), ${unreviewed} not reviewed yet${refused === 0 ? '' : `, ${refused} refused by the check`}`,
);
