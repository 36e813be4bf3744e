/**
 * `npm run rules:explain -- SERVICE [--card JSON] [--answers JSON] [--materials JSON]
 *  [--today YYYY-MM-DD] [--station CODE] [--locale zh-CN|en] [--rules DIR]`
 * Prints, as JSON, what the kiosk would tell that citizen (explain.ts). Without
 * --card the citizen has no card with them (补领: name and ID number typed).
 * Exits 2 on bad input, saying which argument and why.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { systemClock } from '../../core/clock';
import {
  answersArgSchema,
  cardArgSchema,
  explain,
  materialsArgSchema,
} from '../../rules/node/explain';

function fail(message: string): never {
  process.stderr.write(`rules:explain: ${message}\n`);
  process.exit(2);
}

function jsonArg<T>(name: string, text: string | undefined, schema: z.ZodType<T>, fallback: T): T {
  if (text === undefined) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(`--${name} is not JSON: ${text.slice(0, 80)}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    fail(
      `--${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    card: { type: 'string' },
    answers: { type: 'string' },
    materials: { type: 'string' },
    today: { type: 'string' },
    station: { type: 'string', default: '110105001' },
    locale: { type: 'string', default: 'zh-CN' },
    rules: { type: 'string' },
  },
});
const [serviceId] = positionals;
if (serviceId === undefined) fail('name a service, e.g. npm run rules:explain -- passport-first');
// The machine's date in China (UTC+8), unless the reviewer asks about another day.
const today =
  values.today ?? new Date(systemClock.nowMs() + 8 * 3600_000).toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail(`--today must be YYYY-MM-DD, not "${today}"`);
if (!/^\d{6,12}$/.test(values.station))
  fail(`--station must be 6 to 12 digits, not "${values.station}"`);
if (values.locale !== 'zh-CN' && values.locale !== 'en') fail('--locale is zh-CN or en');
const result = explain({
  rulesDir: resolve(
    process.env['INIT_CWD'] ?? process.cwd(),
    values.rules ?? join(__dirname, '..', '..', 'rules'),
  ),
  serviceId,
  card: jsonArg('card', values.card, cardArgSchema.nullable(), null),
  answers: jsonArg('answers', values.answers, answersArgSchema, {}),
  materials: jsonArg('materials', values.materials, materialsArgSchema, {}),
  today,
  stationCode: values.station,
  locale: values.locale,
});
if (!result.ok) fail(result.problem);
process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
