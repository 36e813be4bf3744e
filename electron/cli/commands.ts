import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../core/clock';
import { PIN_PATTERN } from '../../core/limits';
import { checkRulesDir, formatRulesCheck } from '../../rules/node/check-dir';
import { openAuditLog } from '../audit/audit-log';
import { entryAt, LIVE_SEGMENT, verifyAuditFile, verifyAuditLog } from '../audit/segments';
import { createLogger } from '../shared/log';
import { acceptLoss } from '../store/integrity';
import { configSource } from '../kiosk/config-source';
import { resolveRulesDir } from '../kiosk/paths';
import { hashPin } from '../kiosk/staff-auth';
import { readinessReport, type ReadinessInputs } from './readiness';

/** Where the CLI writes: the terminal in production, arrays in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The whole of standard input (a PIN piped in, so it stays out of the shell's history). */
  stdin(): string;
}

export interface CliContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  /** A package reads /etc/police-kiosk/kiosk.json when KIOSK_CONFIG is unset. */
  readonly packaged: boolean;
  /** Where the shipped `rules/` folder is (resources/ in a package, the checkout otherwise). */
  readonly appRoot: string;
  /** The data folder when KIOSK_DATA_DIR is unset. */
  readonly dataDirFallback: string;
  readonly exists: (path: string) => boolean;
  readonly backOfficeTime?: ReadinessInputs['backOfficeTime'];
}

export const USAGE = `police-kiosk — technician commands (技术人员命令)

  police-kiosk readiness          is this kiosk ready for the hall? JSON on stdout; exit 1 when not
  police-kiosk check-rules [DIR]  check a folder of service rule files (default: the kiosk's own)
  police-kiosk hash-pin [PIN]     scrypt hash of a staff PIN for the config (or the PIN on stdin)
  police-kiosk verify-audit [FILE|DIR] [--anchor SEQ:HASH]
                                  check the audit log's hash chain (default: the kiosk's own, every
                                  segment); --anchor: and that it still holds the entry the back office has
  police-kiosk accept-loss --confirm
                                  the kiosk refuses to start because applications are missing and no
                                  copy of the data folder exists: accept the loss (audited) and start again

Run as root or as the police-kiosk user. They work over SSH: no display, and they never open
the devices (the running kiosk reports them in its heartbeat).`;

/**
 * The technician's commands, the same in a package (`police-kiosk <command>`,
 * run by the Electron binary with no window) and in a checkout (`npm run
 * pin:hash`, `npm run audit:verify`, …). Returns the exit code.
 */
export async function runCli(args: readonly string[], ctx: CliContext, io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  const dataDir = ctx.env['KIOSK_DATA_DIR'] || ctx.dataDirFallback;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    case 'check-rules': {
      const started = performance.now();
      const dir = resolve(rest[0] ?? resolveRulesDir(ctx.env, ctx.appRoot));
      const result = checkRulesDir(dir, { relativeTo: dir });
      for (const line of formatRulesCheck(
        result,
        performance.now() - started,
        `check-rules ${dir}`,
      ))
        io.out(line);
      return result.problems.length === 0 ? 0 : 1;
    }
    case 'hash-pin': {
      const pin = (rest[0] ?? io.stdin()).trim();
      if (!PIN_PATTERN.test(pin)) {
        io.err('A staff PIN is 6 to 12 digits (员工密码为6至12位数字).');
        return 2;
      }
      io.out(await hashPin(pin));
      return 0;
    }
    case 'verify-audit':
      return verifyAudit(rest, join(dataDir, 'audit', LIVE_SEGMENT), io);
    case 'accept-loss': {
      if (!rest.includes('--confirm')) {
        io.err(
          'accept-loss gives up the missing applications for good. Copy the data folder first, then run: police-kiosk accept-loss --confirm',
        );
        return 2;
      }
      const accepted = acceptLoss(dataDir, ctx.clock.now());
      if (!accepted.ok) {
        io.err(`${accepted.error.code}: ${accepted.error.message}`);
        return 1;
      }
      const audit = openAuditLog({
        path: join(dataDir, 'audit', LIVE_SEGMENT),
        log: createLogger({ quiet: true }),
        clock: ctx.clock,
      });
      if (audit.ok) {
        audit.value.record('technician', 'integrity.loss_accepted', { ...accepted.value });
        audit.value.close();
      }
      io.out(
        `accepted: ${accepted.value.fault}, ${accepted.value.missing} application(s) missing; the kiosk holds ${accepted.value.everStored}. ` +
          'Tell the station which applications (see the back office) must be taken again, then: systemctl restart police-kiosk',
      );
      return 0;
    }
    case 'readiness': {
      const report = await readinessReport({
        config: configSource({
          packaged: ctx.packaged,
          demo: false,
          env: ctx.env,
          exists: ctx.exists,
        }),
        dataDir,
        rulesDir: resolveRulesDir(ctx.env, ctx.appRoot),
        heartbeatFile: ctx.env['KIOSK_HEARTBEAT_FILE'] || null,
        clock: ctx.clock,
        ...(ctx.backOfficeTime ? { backOfficeTime: ctx.backOfficeTime } : {}),
      });
      io.out(JSON.stringify(report, null, 2));
      return report.ready ? 0 : 1;
    }
    default:
      io.err(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/**
 * `verify-audit [FILE|DIR] [--anchor SEQ:HASH]`: the whole log (every
 * segment) or one file; with an anchor the back office holds, also that the
 * log still has that entry unchanged, so a log rewritten or cut back on the
 * kiosk is caught even when its own chain is consistent.
 */
function verifyAudit(args: readonly string[], ownLog: string, io: CliIo): number {
  const anchorAt = args.indexOf('--anchor');
  const anchorText = anchorAt === -1 ? null : (args[anchorAt + 1] ?? '');
  const target = args.find(
    (a, i) => !a.startsWith('--') && (anchorAt === -1 || i !== anchorAt + 1),
  );
  const anchor = anchorText === null ? null : /^(\d+):([0-9a-f]{64})$/.exec(anchorText);
  if (anchorText !== null && anchor === null) {
    io.err('--anchor takes SEQ:HASH as the back office shows it (e.g. 1234:9f…, 64 hex digits)');
    return 2;
  }
  const isDir = target !== undefined && existsSync(target) && statSync(target).isDirectory();
  const live = target === undefined ? ownLog : isDir ? join(target, LIVE_SEGMENT) : target;
  const result = target === undefined || isDir ? verifyAuditLog(live) : verifyAuditFile(live);
  if (!result.ok) {
    if (result.error.code === 'audit_unreadable') {
      io.err(`audit log cannot be read: ${result.error.message}`);
      return 2;
    }
    io.err(`audit log NOT intact: ${result.error.message} (${live})`);
    return 1;
  }
  const { entries, tornLines, segments, head } = result.value;
  const torn = tornLines > 0 ? `, ${tornLines} line(s) cut short by a power loss` : '';
  io.out(
    `audit log intact: ${entries} entries in ${segments} segment(s)${torn}; newest seq ${head?.seq ?? 'none'} (${live})`,
  );
  if (anchor === null) return 0;
  const seq = Number(anchor[1]);
  const found = entryAt(live, seq);
  if (found?.hash === anchor[2]) {
    io.out(`anchor ${seq} matches: the log holds the entry the back office was given`);
    return 0;
  }
  io.err(
    found === null
      ? `anchor ${seq} NOT found: the log was cut back or replaced after the back office saw entry ${seq}`
      : `anchor ${seq} does NOT match: entry ${seq} was rewritten after the back office saw it`,
  );
  return 1;
}

/** The arguments after `--cli`, or null when the process was started to be the kiosk. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}

/** Standard input read whole, or empty when there is none (a terminal). */
export function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}
