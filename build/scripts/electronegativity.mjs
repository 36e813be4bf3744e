// Runs electronegativity over electron/ (offline; its "no connectivity" line is expected) and fails
// unless every finding is justified by a comment beside the code:
//   // electronegativity: CHECK_ID — why this is safe
// within the five lines above the finding (or anywhere in electron/ for a *_GLOBAL_CHECK).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ELECTRON_VERSION = JSON.parse(
  readFileSync('node_modules/electron/package.json', 'utf8'),
).version;
const out = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'findings.csv');
spawnSync(
  'npx',
  ['electronegativity', '-i', 'electron', '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', out],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 300_000,
  },
);
if (!existsSync(out)) {
  console.error('electronegativity produced no findings file');
  process.exit(1);
}

const sources = readdirSync('electron', { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, lines: readFileSync(join('electron', f), 'utf8').split('\n') }));

const findings = readFileSync(out, 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => {
    const check = /\/wiki\/([A-Z_]+)\s*$/.exec(line)?.[1];
    const where = /^[A-Z_]+,"\w+","\w+","([^"]+)","(\d+):\d+"/.exec(line);
    const file = where?.[1] && where[1] !== 'N/A' ? where[1] : null;
    return check ? { check, file, line: where ? Number(where[2]) : null } : null;
  })
  .filter((f) => f !== null);

const justified = (finding) => {
  const marker = `electronegativity: ${finding.check}`;
  if (finding.file === null || finding.check.endsWith('_GLOBAL_CHECK')) {
    return sources.some((s) => s.lines.some((l) => l.includes(marker)));
  }
  const source = sources.find(
    (s) => s.file === finding.file || s.file.endsWith(`/${finding.file}`),
  );
  if (!source || finding.line === null) return false;
  return source.lines
    .slice(Math.max(0, finding.line - 6), finding.line)
    .some((l) => l.includes(marker));
};

const open = findings.filter((f) => !justified(f));
for (const f of findings) {
  console.log(
    `${justified(f) ? 'justified' : 'OPEN     '}  ${f.check}  ${f.file ?? ''}${f.line ? `:${f.line}` : ''}`,
  );
}
console.log(`electronegativity: ${findings.length} findings, ${open.length} open`);
process.exit(open.length === 0 ? 0 : 1);
