import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../core/clock';
import { PIN_PATTERN } from '../../core/limits';
import { checkRulesDir, formatRulesCheck } from '../../rules/node/check-dir';
import { openAuditLog } from '../audit/audit-log';
import { erasePendingEpochKey, pendingEpochKeys, type EpochKey } from '../audit/keys';
import {
  entryAt,
  LIVE_SEGMENT,
  verifyAuditFile,
  verifyAuditKeys,
  verifyAuditLog,
} from '../audit/segments';
import { createLogger } from '../shared/log';
import { acceptLoss } from '../store/integrity';
import { configSource } from '../kiosk/config-source';
import { resolveRulesDir } from '../kiosk/paths';
import { guessablePin, hashPin } from '../kiosk/staff-auth';
import { loadConfig } from '../config/load';
import { createFaceEngine } from '../face/engine';
import { faceCompare, photoCheck } from './face-tools';
import type { CliIo } from './io';
import { readinessReport, type ReadinessInputs } from './readiness';

export type { CliIo } from './io';

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
  /** Where the face thread and its models are (dist/electron in a build, as for the kiosk). */
  readonly engineDir: string;
  readonly backOfficeTime?: ReadinessInputs['backOfficeTime'];
}

export const USAGE = `police-kiosk — technician commands (技术人员命令)

  police-kiosk readiness          is this kiosk ready for the hall? JSON on stdout; exit 1 when not
  police-kiosk check-rules [DIR]  check a folder of service rule files (default: the kiosk's own)
  police-kiosk hash-pin           scrypt hash of a staff PIN for the config, the PIN read from stdin
                                  (never an argument: it would stay in the shell's history and ps)
  police-kiosk verify-audit [FILE|DIR] [--key EPOCH:KEY]… [--anchor SEQ:HASH]
                                  check the audit log (default: the kiosk's own, every segment): its
                                  hash chain; with the epoch keys the back office holds, every entry's
                                  MAC (a rebuilt log fails); with an anchor, that it still holds that entry
  police-kiosk audit-key [--erase]
                                  the audit key epochs not yet handed to a back office (EPOCH:KEY);
                                  --erase once they are kept safely elsewhere (kiosk stopped; audited)
  police-kiosk photo-check [--standard exit-entry|id-card] [--out DIR] FILE…
                                  judge photos by the kiosk's 证件照 checks: one JSON line per file with
                                  each check's value and range. A file of the standard's pixel size is
                                  judged as the finished photo; any other is cut to it when compliant
                                  (<name>.<standard>.jpg beside it, or in DIR)
  police-kiosk face-compare A B [--threshold T]
                                  the similarity of the face in A and in B, and the decision at the
                                  kiosk's configured threshold (人证核验 on two files)
  police-kiosk accept-loss --confirm
                                  the kiosk refuses to start because applications are missing and no
                                  copy of the data folder exists: accept the loss (audited; kiosk stopped)

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
      if (rest.length > 0) {
        io.err(
          'hash-pin reads the PIN from stdin only, never from the command line (it would stay in the shell history): echo … | police-kiosk hash-pin',
        );
        return 2;
      }
      const pin = io.stdin().trim();
      if (!PIN_PATTERN.test(pin)) {
        io.err('A staff PIN is 6 to 12 digits (员工密码为6至12位数字).');
        return 2;
      }
      const weak = guessablePin(pin);
      if (weak !== null) {
        io.err(
          `That PIN is among the first a guesser tries (${weak}); choose another (该密码过于简单).`,
        );
        return 2;
      }
      io.out(await hashPin(pin));
      return 0;
    }
    case 'audit-key':
      return auditKey(rest, join(dataDir, 'audit', LIVE_SEGMENT), ctx.clock, io);
    case 'verify-audit':
      return verifyAudit(rest, join(dataDir, 'audit', LIVE_SEGMENT), io);
    case 'accept-loss': {
      if (!rest.includes('--confirm')) {
        io.err(
          'accept-loss gives up the missing applications for good. Copy the data folder first, then run: police-kiosk accept-loss --confirm',
        );
        return 2;
      }
      // The audit log first: a loss is never accepted without its entry, and never beside
      // a running kiosk, whose own log writes would fork the chain (the log's writer lock).
      const audit = openAuditLog({
        path: join(dataDir, 'audit', LIVE_SEGMENT),
        log: createLogger({ quiet: true }),
        clock: ctx.clock,
      });
      if (!audit.ok) {
        io.err(`refused, nothing accepted: ${audit.error.code}: ${audit.error.message}`);
        return 1;
      }
      const accepted = acceptLoss(dataDir, ctx.clock.now());
      if (!accepted.ok) {
        audit.value.close();
        io.err(`${accepted.error.code}: ${accepted.error.message}`);
        return 1;
      }
      audit.value.record('technician', 'integrity.loss_accepted', { ...accepted.value });
      audit.value.close();
      io.out(
        `accepted: ${accepted.value.fault}, ${accepted.value.missing} application(s) missing; the kiosk holds ${accepted.value.everStored}. ` +
          'Tell the station which applications (see the back office) must be taken again, then: systemctl restart police-kiosk',
      );
      return 0;
    }
    case 'photo-check':
    case 'face-compare':
      return faceTool(command, rest, ctx, io);
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
        packaged: ctx.packaged,
        engineDir: ctx.engineDir,
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

/** `photo-check` and `face-compare` on the kiosk's own engine, started for the command and stopped after. */
async function faceTool(
  command: 'photo-check' | 'face-compare',
  args: readonly string[],
  ctx: CliContext,
  io: CliIo,
): Promise<number> {
  const engine = createFaceEngine({
    distDir: ctx.engineDir,
    // A station's file may be a 20-megapixel phone photo: more time than a camera frame.
    timeoutMs: 60_000,
    loadTimeoutMs: 60_000,
    log: createLogger({ quiet: true }),
    clock: ctx.clock,
  });
  try {
    if (command === 'photo-check') return await photoCheck(args, engine, io);
    const { values, positional } = options(args, ['--threshold']);
    const given = values.get('--threshold')?.[0];
    let threshold: { value: number; from: string };
    if (given !== undefined) {
      const value = Number(given);
      if (!(value > 0 && value < 1)) {
        io.err('--threshold is a similarity between 0 and 1, e.g. 0.55');
        return 2;
      }
      threshold = { value, from: '--threshold' };
    } else {
      const source = configSource({
        packaged: ctx.packaged,
        demo: false,
        env: ctx.env,
        exists: ctx.exists,
      });
      const config = loadConfig(source.kind === 'file' ? source.path : undefined);
      if (!config.ok) {
        io.err(config.error.message);
        return 1;
      }
      threshold = {
        value: config.value.face.threshold,
        from: source.kind === 'file' ? source.path : 'the default config',
      };
    }
    return await faceCompare(positional, engine, threshold, io);
  } finally {
    await engine.stop();
  }
}

/** The values of every `--name VALUE` in args, and the arguments that are neither. */
function options(args: readonly string[], names: readonly string[]) {
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (names.includes(arg)) {
      values.set(arg, [...(values.get(arg) ?? []), args[i + 1] ?? '']);
      i += 1;
    } else if (!arg.startsWith('--')) positional.push(arg);
  }
  return { values, positional };
}

/**
 * `verify-audit [FILE|DIR] [--key EPOCH:KEY]… [--anchor SEQ:HASH]`, saying
 * exactly what it proved: the hash chain (anyone who rewrites the file can
 * make that consistent again), the MACs with the epoch keys the back office
 * holds (a rebuilt log fails), and the anchor (a log cut back or replaced
 * after the back office saw that entry fails).
 */
function verifyAudit(args: readonly string[], ownLog: string, io: CliIo): number {
  const { values, positional } = options(args, ['--anchor', '--key']);
  const anchorText = values.get('--anchor')?.[0] ?? null;
  const target = positional[0];
  const anchor = anchorText === null ? null : /^(\d+):([0-9a-f]{64})$/.exec(anchorText);
  if (anchorText !== null && anchor === null) {
    io.err('--anchor takes SEQ:HASH as the back office shows it (e.g. 1234:9f…, 64 hex digits)');
    return 2;
  }
  const keys: EpochKey[] = [];
  for (const text of values.get('--key') ?? []) {
    const match = /^(\d+):([A-Za-z0-9+/]{43}=)$/.exec(text);
    if (match === null) {
      io.err('--key takes EPOCH:KEY as the back office or `audit-key` shows it (e.g. 0:Qm9…=)');
      return 2;
    }
    keys.push({ epoch: Number(match[1]), startSeq: Number(match[1]), key: match[2] ?? '' });
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
    `hash chain intact: ${entries} entries in ${segments} segment(s)${torn}; newest seq ${head?.seq ?? 'none'} (${live})`,
  );
  let keyedUpTo: number | null = null;
  if (keys.length === 0) {
    io.out(
      'keyed: NOT checked — a consistent hash chain alone is what anyone who rewrites the file can make; give the epoch keys the back office holds (--key EPOCH:KEY)',
    );
  } else {
    const keyed = verifyAuditKeys(live, keys);
    if (!keyed.ok) {
      io.err(`audit log NOT intact: ${keyed.error.message} (${live})`);
      return 1;
    }
    keyedUpTo = keyed.value.keyedUpTo;
    io.out(
      `keyed: every MAC verified up to seq ${keyedUpTo ?? 'none'} (${keyed.value.verified} entries)` +
        (keyed.value.unkeyedEpochs.length > 0
          ? `; from seq ${keyed.value.unkeyedEpochs.join(', ')} a key epoch began whose key was not given (a lost key, or a forged start: ask the back office)`
          : '') +
        (keyed.value.beforeKeys > 0
          ? `; ${keyed.value.beforeKeys} older entries were written before the log was keyed`
          : ''),
    );
  }
  let anchoredUpTo: number | null = null;
  if (anchor !== null) {
    const seq = Number(anchor[1]);
    const found = entryAt(live, seq);
    if (found?.hash !== anchor[2]) {
      io.err(
        found === null
          ? `anchor ${seq} NOT found: the log was cut back or replaced after the back office saw entry ${seq}`
          : `anchor ${seq} does NOT match: entry ${seq} was rewritten after the back office saw it`,
      );
      return 1;
    }
    anchoredUpTo = seq;
    io.out(`anchor ${seq} matches: the log holds the entry the back office was given`);
  }
  io.out(
    `proved: chain intact up to ${head?.seq ?? 'none'}; ${keyedUpTo === null ? 'not keyed' : `keyed up to ${keyedUpTo}`}; ${anchoredUpTo === null ? 'not anchored' : `anchored up to ${anchoredUpTo}`}`,
  );
  return 0;
}

/** `audit-key [--erase]`: the epoch keys still on the kiosk, for a station without a back office. */
function auditKey(args: readonly string[], livePath: string, clock: Clock, io: CliIo): number {
  const dir = dirname(livePath);
  const pending = pendingEpochKeys(dir);
  if (pending.length === 0) {
    io.out('no audit key epoch is waiting: the back office holds every key');
    return 0;
  }
  for (const key of pending) io.out(`${key.startSeq}:${key.key}`);
  if (!args.includes('--erase')) {
    io.err(
      'Keep these where the kiosk user cannot reach them (the station’s safe, not this machine), then run: police-kiosk audit-key --erase',
    );
    return 0;
  }
  const audit = openAuditLog({ path: livePath, log: createLogger({ quiet: true }), clock });
  if (!audit.ok) {
    io.err(`refused, nothing erased: ${audit.error.code}: ${audit.error.message}`);
    return 1;
  }
  for (const key of pending) {
    erasePendingEpochKey(dir, key.epoch);
    audit.value.record('technician', 'audit.key_exported', { epoch: key.epoch });
  }
  audit.value.close();
  io.out(`erased ${pending.length} key epoch(s) from this kiosk`);
  return 0;
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
