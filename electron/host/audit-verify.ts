import { homedir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir, resolveDataDir } from '../kiosk/paths';
import { verifyAuditFile } from '../audit/audit-log';

/**
 * `npm run audit:verify [file]`: checks the audit log's hash chain. Without
 * an argument it checks the kiosk's own log (`KIOSK_DATA_DIR` or the default
 * data folder). Exit 0 when intact, 1 with the first broken line, 2 when it cannot be read.
 */
const file =
  process.argv[2] ??
  join(
    resolveDataDir(process.env, defaultDataDir(process.env, process.platform, homedir())),
    'audit',
    'audit.jsonl',
  );
const result = verifyAuditFile(file);
if (result.ok) {
  const torn =
    result.value.tornLines > 0
      ? `, ${result.value.tornLines} line(s) cut short by a power loss`
      : '';
  process.stdout.write(`audit log intact: ${result.value.entries} entries${torn} (${file})\n`);
} else if (result.error.code === 'audit_unreadable') {
  process.stderr.write(`audit log cannot be read: ${result.error.message}\n`);
  process.exitCode = 2;
} else {
  process.stderr.write(`audit log NOT intact: ${result.error.message} (${file})\n`);
  process.exitCode = 1;
}
