import { X509Certificate } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import type { Clock } from '../../core/clock';
import { verifyBundle } from '../../rules/node/bundle-files';
import { checkRulesDir } from '../../rules/node/check-dir';
import { pendingEpochKeys } from '../audit/keys';
import { FACE_MODELS, FACE_WASM, faceFiles } from '../face/engine';
import { createHandwriting, type Handwriting } from '../input/handwriting';
import { speechFiles } from '../speech/engine';
import { SPEECH_LOCALES } from '../../core/speech-voices';
import { readinessWords, type ReadinessWords } from '../../core/readiness-words';
import { LIVE_SEGMENT, verifyAuditTail } from '../audit/segments';
import { integrityStatus } from '../store/integrity';
import { loadConfig } from '../config/load';
import { PIN_SCRYPT, weakPinHash } from '../kiosk/staff-auth';
import type { KioskConfig } from '../config/schema';
import type { ConfigSource } from '../kiosk/config-source';
import { heartbeatSchema, HEARTBEAT_EVERY_MS, type Heartbeat } from '../kiosk/heartbeat';
import { storageStatus } from '../store/disk-space';

/** One thing that must hold before a kiosk serves a hall, and what was seen. */
export interface ReadinessCheck {
  readonly name: string;
  readonly ok: boolean;
  /** `warn`: holds today, but needs a technician soon (a certificate expiring in 20 days). */
  readonly level: 'ok' | 'warn' | 'fail';
  readonly detail: string;
  /** The same in words the diagnostics screen puts in the kiosk's language. */
  readonly words?: ReadinessWords;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly generatedAt: string;
  readonly kioskId: string | null;
  readonly checks: readonly ReadinessCheck[];
}

export interface ReadinessInputs {
  readonly config: ConfigSource;
  readonly dataDir: string;
  readonly rulesDir: string;
  readonly heartbeatFile: string | null;
  readonly clock: Clock;
  /** An installed kiosk requires signed rules unless its config says otherwise. */
  readonly packaged?: boolean;
  /** Where the face thread and its models are (dist/electron beside the CLI); absent, the face line is left out. */
  readonly engineDir?: string;
  /** The handwriting recognizer to ask whether it is installed; the system's by default. */
  readonly handwriting?: Handwriting;
  /** How the back office's clock is read; injectable so tests use the test back office. */
  readonly backOfficeTime?: (config: KioskConfig) => Promise<Date | null>;
}

/** A client certificate warns this long before it expires. */
export const CERT_WARN_DAYS = 30;
/** Clocks further apart than this break TLS validity checks and make logs misleading. */
export const MAX_CLOCK_SKEW_SECONDS = 120;
/** A heartbeat older than this means the kiosk is not running (or hangs). */
export const HEARTBEAT_STALE_MS = 6 * HEARTBEAT_EVERY_MS;

/** One line of a readiness report; `words` is how a screen says it (core/readiness-words.ts). */
export const readinessCheck = (
  name: string,
  level: ReadinessCheck['level'],
  detail: string,
  words?: ReadinessWords,
): ReadinessCheck => ({
  name,
  ok: level !== 'fail',
  level,
  detail,
  ...(words === undefined ? {} : { words }),
});

const DAY_MS = 86_400_000;

/** A certificate file: readable, valid now, and how long it has left. */
export function certificateCheck(name: string, path: string, now: Date): ReadinessCheck {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readFileSync(path));
  } catch (cause) {
    return readinessCheck(
      name,
      'fail',
      `${path}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  const days = Math.floor((to.getTime() - now.getTime()) / DAY_MS);
  const subject = cert.subject.replace(/\n/g, ', ');
  if (now < from)
    return readinessCheck(name, 'fail', `${subject}: not valid before ${from.toISOString()}`);
  if (days < 0) return readinessCheck(name, 'fail', `${subject}: expired on ${to.toISOString()}`);
  return readinessCheck(
    name,
    days < CERT_WARN_DAYS ? 'warn' : 'ok',
    `${subject}: valid until ${to.toISOString().slice(0, 10)} (${days} days left)`,
  );
}

/** The devices as the running kiosk last reported them, from its heartbeat file. */
export function heartbeatChecks(
  file: string | null,
  now: Date,
  read: (path: string) => string | null,
): { checks: ReadinessCheck[]; beat: Heartbeat | null } {
  if (file === null) {
    return {
      checks: [readinessCheck('kiosk running', 'fail', 'no heartbeat file is configured')],
      beat: null,
    };
  }
  const found = read(file);
  if (found === null) {
    return {
      checks: [
        readinessCheck('kiosk running', 'fail', `${file} does not exist: the kiosk is not running`),
      ],
      beat: null,
    };
  }
  const parsed = heartbeatSchema.safeParse(
    ((): unknown => {
      try {
        return JSON.parse(found);
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success)
    return {
      checks: [readinessCheck('kiosk running', 'fail', `${file} is not a heartbeat`)],
      beat: null,
    };
  const beat = parsed.data;
  // The beat's own time, on the kiosk's clock: the same clock this report runs on.
  const age = now.getTime() - Date.parse(beat.at);
  if (age > HEARTBEAT_STALE_MS) {
    return {
      checks: [
        readinessCheck(
          'kiosk running',
          'fail',
          `last heartbeat ${Math.round(age / 1000)} s ago (pid ${beat.pid}): the kiosk hangs or stopped`,
        ),
      ],
      beat,
    };
  }
  if (beat.status === 'out_of_service') {
    return {
      checks: [
        readinessCheck(
          'kiosk running',
          'fail',
          `out of service since it started (pid ${beat.pid}): ${beat.reason}`,
        ),
      ],
      beat,
    };
  }
  return {
    checks: [
      readinessCheck(
        'kiosk running',
        'ok',
        `pid ${beat.pid}, version ${beat.version}, heartbeat ${Math.round(age / 1000)} s ago`,
      ),
      // The running kiosk opened the data key: how it is protected is known there, not in an SSH session.
      readinessCheck(
        'data key protection',
        beat.keyProtection.includes('basic_text') ? 'warn' : 'ok',
        beat.keyProtection,
      ),
      ...beat.devices.map((d) =>
        readinessCheck(
          `device ${d.id} (${d.kind})`,
          d.state === 'ready' ? 'ok' : 'fail',
          `${d.state}${d.lastError === null ? '' : ` — ${d.lastError}`}`,
        ),
      ),
      readinessCheck(
        'outbox',
        beat.queue.needsAttention > 0 ? 'warn' : 'ok',
        `${beat.queue.waiting} waiting, ${beat.queue.needsAttention} need attention`,
      ),
      readinessCheck(
        'payments',
        beat.payments.refundAtWindow > 0 ? 'fail' : beat.payments.open > 0 ? 'warn' : 'ok',
        beat.payments.open === 0 && beat.payments.refundAtWindow === 0
          ? 'no payment order is open'
          : `${beat.payments.open} order(s) still open (settled at the next start or when the back office answers), ${beat.payments.refundAtWindow} paid order(s) the platform would not reverse: refund at the window (queue screen lists them)`,
      ),
    ],
    beat,
  };
}

/** The back office's `Date` header over mutual TLS; null when it does not answer. */
export function backOfficeDate(config: KioskConfig, timeoutMs = 5_000): Promise<Date | null> {
  const office = config.backOffice;
  if (office === null) return Promise.resolve(null);
  return new Promise((resolve) => {
    try {
      const req = request(
        new URL('heartbeat', office.url.endsWith('/') ? office.url : `${office.url}/`),
        {
          method: 'HEAD',
          ca: readFileSync(office.caFile),
          cert: readFileSync(office.certFile),
          key: readFileSync(office.keyFile),
          headers: { 'X-Kiosk-Id': config.kioskId },
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          const date = res.headers.date;
          resolve(date === undefined ? null : new Date(date));
        },
      );
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(null));
      req.end();
    } catch {
      resolve(null);
    }
  });
}

/** Which rule files the kiosk would load, their versions, and what is wrong with any of them. */
function rulesCheck(rulesDir: string): ReadinessCheck {
  const result = checkRulesDir(rulesDir, { relativeTo: rulesDir });
  const servicesDir = join(rulesDir, 'services');
  const versions = existsSync(servicesDir)
    ? readdirSync(servicesDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          try {
            const { id, version } = JSON.parse(readFileSync(join(servicesDir, f), 'utf8')) as {
              id?: string;
              version?: string;
            };
            return `${id ?? f}@${version ?? '?'}`;
          } catch {
            return `${f}@unreadable`;
          }
        })
    : [];
  const first = result.problems[0];
  return readinessCheck(
    'service rule files',
    result.problems.length === 0 && versions.length > 0 ? 'ok' : 'fail',
    `${rulesDir}: ${versions.join(', ') || 'none'}${first === undefined ? '' : `; ${result.problems.length} problem(s), first: ${first.file} ${first.problem.path}: ${first.problem.message}`}`,
  );
}

/**
 * Where signatures are required (an installed kiosk's default): whether the
 * rules folder is a bundle the config's keys verify, or else which bundle the
 * kiosk would fall back to.
 */
function bundleCheck(rulesDir: string, dataDir: string, config: KioskConfig): ReadinessCheck {
  const keys = config.rules.trustedKeys;
  if (keys.length === 0)
    return readinessCheck(
      'signed rule bundle',
      'fail',
      'signatures are required but rules.trustedKeys is empty: no bundle can be trusted',
    );
  const current = verifyBundle(rulesDir, keys, null);
  if (current.ok)
    return readinessCheck(
      'signed rule bundle',
      'ok',
      `${current.value.manifest.version}, reviewed by ${current.value.manifest.reviewedBy}, key ${current.value.keyId}`,
    );
  const reason = current.problems[0]?.message ?? 'refused';
  const good = verifyBundle(join(dataDir, 'rules-bundle'), keys, null);
  return good.ok
    ? readinessCheck(
        'signed rule bundle',
        'warn',
        `${rulesDir}: ${reason}; the kiosk serves the last good bundle ${good.value.manifest.version}`,
      )
    : readinessCheck(
        'signed rule bundle',
        'fail',
        `${rulesDir}: ${reason}; no good bundle to fall back on`,
      );
}

/**
 * Every switch in the config that turns a protection off, each its own line,
 * so none hides behind another: a kiosk with any of them on is not ready for a hall.
 */
export function protectionChecks(
  config: KioskConfig,
  dataDir: string,
  packaged: boolean,
): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  const simulated = config.devices.filter((d) => d.transport.type === 'simulated');
  if (config.demo)
    checks.push(
      readinessCheck(
        'demo mode',
        'fail',
        'config "demo": true — the demo dock lets anyone at the screen place a card or a scan; never for a station',
        readinessWords('demo', 'demo'),
      ),
    );
  if (simulated.length > 0)
    checks.push(
      readinessCheck(
        'simulated devices',
        'fail',
        `${simulated.map((d) => `${d.id} (${d.kind})`).join(', ')}: simulated, so citizens get no card read, scan or paper from them`,
        readinessWords('simulated', 'simulated', {
          devices: simulated.map((d) => d.id).join('、'),
        }),
      ),
    );
  if ((config.rules.signature ?? (packaged ? 'required' : 'optional')) === 'optional')
    checks.push(
      readinessCheck(
        'rule signatures',
        'fail',
        `rules.signature is "optional"${config.rules.signature === undefined ? ' (a checkout’s default)' : ''}: rule files are used unsigned, so anyone who can write them changes fees and conditions unnoticed`,
        readinessWords('signatures', 'unsignedRules'),
      ),
    );
  if (config.storage.allowKeyFile)
    checks.push(
      readinessCheck(
        'data key file allowed',
        'warn',
        'storage.allowKeyFile is true: where the OS keyring is missing the data key is a 0600 file, readable by anyone who gets the kiosk user',
        readinessWords('keyFile', 'keyFile'),
      ),
    );
  const pending = pendingEpochKeys(join(dataDir, 'audit'));
  if (pending.length > 0)
    checks.push(
      readinessCheck(
        'audit key',
        config.backOffice === null ? 'fail' : 'warn',
        `key epoch(s) ${pending.map((k) => k.startSeq).join(', ')} still on this kiosk: until ${config.backOffice === null ? 'a technician exports them (police-kiosk audit-key)' : 'the back office takes them at the next heartbeat'}, the audit log can be rebuilt unnoticed`,
        readinessWords(
          'auditKey',
          config.backOffice === null ? 'auditKeyExport' : 'auditKeyHeartbeat',
          { epochs: pending.map((k) => k.startSeq).join('、') },
        ),
      ),
    );
  return checks;
}

/**
 * 人证核验 and the 证件照: off (both at the window), or on with what they need —
 * the engine's files, a camera, and for the identity check the card's photo
 * (a WLT decoder on the reader). Where one is missing the journeys go on as
 * with the feature off; this line says why.
 */
export function faceCheck(config: KioskConfig, engineDir: string): ReadinessCheck {
  if (!config.face.enabled)
    return readinessCheck(
      'face check and photo',
      'ok',
      'off: the photo and the identity check are at the window',
    );
  const files = faceFiles(engineDir);
  const wanted = [
    files.worker,
    ...FACE_MODELS.map((f) => join(files.models, f)),
    ...FACE_WASM.map((f) => join(files.wasm, f)),
  ];
  const missing = wanted.filter((f) => !existsSync(f));
  if (missing.length > 0)
    return readinessCheck(
      'face check and photo',
      'fail',
      `face.enabled, but ${missing.length} engine file(s) are missing (e.g. ${missing[0] ?? ''}): the photo and the identity check go to the window`,
    );
  const camera = config.devices.find((d) => d.kind === 'camera');
  if (camera === undefined)
    return readinessCheck(
      'face check and photo',
      'fail',
      'face.enabled, but no camera device is configured: the photo and the identity check go to the window',
    );
  const modelMb =
    FACE_MODELS.reduce((sum, f) => sum + statSync(join(files.models, f)).size, 0) / 1024 / 1024;
  const decoder = config.devices.some(
    (d) => d.kind === 'idcard' && d.options['photoDecoder'] !== undefined,
  );
  return readinessCheck(
    'face check and photo',
    decoder ? 'ok' : 'warn',
    `camera ${camera.id}, models ${modelMb.toFixed(1)} MB, threshold ${config.face.threshold}, ${config.face.tries} tries` +
      (decoder
        ? ''
        : '; no WLT photo decoder on the card reader: 人证核验 is not possible, the window checks identity'),
  );
}

/**
 * What a citizen who needs them would miss: the kiosk's own voice (without it,
 * on a system with no speech voice, only the recorded prompts are said — not a
 * service a station added, not the control a blind citizen reached) and the
 * handwriting pad (the way to a character pinyin cannot find).
 */
export function assistChecks(engineDir: string, handwriting: Handwriting): ReadinessCheck[] {
  const files = speechFiles(engineDir);
  const missing = [
    files.worker,
    join(files.dir, 'espeak-ng.js'),
    join(files.dir, 'espeak-ng.wasm'),
  ].filter((f) => !existsSync(f));
  return [
    voiceCheck(
      missing.length === 0
        ? null
        : `${missing.length} file(s) are missing (e.g. ${missing[0] ?? ''})`,
    ),
    handwritingCheck(handwriting.available),
  ];
}

/** The kiosk's own voice: present, or why not (`problem`). */
export function voiceCheck(problem: string | null): ReadinessCheck {
  return problem === null
    ? readinessCheck(
        'voice',
        'ok',
        `the kiosk's own voice (eSpeak NG, ${SPEECH_LOCALES.join(', ')}): every sentence is said, also where the system has no speech voice`,
        readinessWords('voice', 'voiceOk', { locales: SPEECH_LOCALES.join(', ') }),
      )
    : readinessCheck(
        'voice',
        'warn',
        `the kiosk's own voice cannot speak: ${problem}: without a system speech voice only the recorded prompts are said, so the audio mode cannot name services or buttons`,
        readinessWords('voice', 'voiceMissing'),
      );
}

export function handwritingCheck(available: boolean): ReadinessCheck {
  return available
    ? readinessCheck(
        'handwriting',
        'ok',
        'zinnia and its simplified-Chinese model are installed',
        readinessWords('handwriting', 'handwritingOk'),
      )
    : readinessCheck(
        'handwriting',
        'warn',
        'zinnia or its model is missing (apt-get install zinnia-utils tegaki-zinnia-simplified-chinese): the keyboard offers no 手写 pad, only pinyin and 生僻字',
        readinessWords('handwriting', 'handwritingMissing'),
      );
}

/** The data folder holds personal data: nobody but the kiosk user may even list it. */
function dataFolderCheck(dataDir: string): ReadinessCheck {
  try {
    const mode = statSync(dataDir).mode & 0o777;
    return readinessCheck(
      'data folder',
      (mode & 0o077) === 0 ? 'ok' : 'fail',
      `${dataDir} mode ${mode.toString(8).padStart(4, '0')}${(mode & 0o077) === 0 ? '' : ' (needs 0700)'}`,
    );
  } catch (cause) {
    return readinessCheck(
      'data folder',
      'fail',
      `${dataDir}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/**
 * `police-kiosk readiness`: everything a technician must see before a kiosk
 * serves a hall, without touching the devices (the running kiosk reports
 * them in its heartbeat). Nothing personal.
 */
export async function readinessReport(inputs: ReadinessInputs): Promise<ReadinessReport> {
  const now = inputs.clock.now();
  const checks: ReadinessCheck[] = [];
  let config: KioskConfig | null = null;
  if (inputs.config.kind === 'missing') {
    checks.push(readinessCheck('config', 'fail', inputs.config.message));
  } else {
    const loaded = loadConfig(inputs.config.kind === 'file' ? inputs.config.path : undefined);
    if (loaded.ok) {
      config = loaded.value;
      checks.push(
        readinessCheck(
          'config',
          'ok',
          `${inputs.config.kind === 'file' ? inputs.config.path : '(embedded demo)'}: kiosk ${config.kioskId}`,
        ),
      );
      checks.push(...protectionChecks(config, inputs.dataDir, inputs.packaged ?? false));
      if (inputs.engineDir !== undefined) {
        checks.push(faceCheck(config, inputs.engineDir));
        checks.push(...assistChecks(inputs.engineDir, inputs.handwriting ?? createHandwriting()));
      }
    } else checks.push(readinessCheck('config', 'fail', loaded.error.message));
  }

  if (config !== null) {
    const office = config.backOffice;
    if (office === null) {
      checks.push(
        readinessCheck('back office', 'warn', 'none configured: applications stay on this kiosk'),
      );
    } else {
      checks.push(certificateCheck('client certificate', office.certFile, now));
      checks.push(certificateCheck('station CA certificate', office.caFile, now));
      const theirs = await (inputs.backOfficeTime ?? backOfficeDate)(config);
      if (theirs === null) {
        checks.push(
          readinessCheck('clock against the back office', 'fail', `${office.url} did not answer`),
        );
      } else {
        const skew = Math.round((now.getTime() - theirs.getTime()) / 1000);
        checks.push(
          readinessCheck(
            'clock against the back office',
            Math.abs(skew) <= MAX_CLOCK_SKEW_SECONDS ? 'ok' : 'fail',
            `this kiosk is ${Math.abs(skew)} s ${skew >= 0 ? 'ahead of' : 'behind'} the back office (allowed ${MAX_CLOCK_SKEW_SECONDS} s)`,
          ),
        );
      }
    }
    const hashes = [config.staff.technicianPinHash, config.staff.guidePinHash].filter(
      (h): h is string => typeof h === 'string',
    );
    checks.push(
      readinessCheck(
        'staff PINs',
        hashes.length === 0 ? 'warn' : hashes.some(weakPinHash) ? 'warn' : 'ok',
        hashes.length === 0
          ? 'no staff PIN is configured: nobody can open diagnostics or the queue'
          : hashes.some(weakPinHash)
            ? 'a PIN hash uses a weaker scrypt cost than today’s: make it again with `police-kiosk hash-pin`'
            : `${hashes.length} PIN hash(es), scrypt N=${PIN_SCRYPT.N}`,
      ),
    );
    const space = storageStatus(inputs.dataDir, config.storage.minFreeMb);
    checks.push(
      readinessCheck(
        'disk space',
        space.ok ? 'ok' : 'fail',
        `${space.freeMb} MB free at ${inputs.dataDir} (need ${space.minFreeMb})`,
      ),
    );
  }

  checks.push(dataFolderCheck(inputs.dataDir));
  const integrity = integrityStatus(inputs.dataDir);
  checks.push(
    readinessCheck('stored applications', integrity.ok ? 'ok' : 'fail', integrity.detail),
  );
  checks.push(rulesCheck(inputs.rulesDir));
  if (
    config !== null &&
    (config.rules.signature ?? (inputs.packaged === true ? 'required' : 'optional')) === 'required'
  )
    checks.push(bundleCheck(inputs.rulesDir, inputs.dataDir, config));
  const auditFile = join(inputs.dataDir, 'audit', LIVE_SEGMENT);
  if (existsSync(auditFile)) {
    // The live segment and its link only: readiness stays quick however long the log is.
    const audit = verifyAuditTail(auditFile);
    checks.push(
      readinessCheck(
        'audit log',
        audit.ok && audit.value.linkChecked ? 'ok' : audit.ok ? 'warn' : 'fail',
        audit.ok
          ? `newest seq ${audit.value.head?.seq ?? 'none'}, live segment intact${audit.value.linkChecked ? '' : '; the segment before it cannot be read'} (police-kiosk verify-audit checks every segment)`
          : audit.error.message,
      ),
    );
  }
  const { checks: running, beat } = heartbeatChecks(inputs.heartbeatFile, now, (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  });
  checks.push(...running);
  return {
    ready: checks.every((c) => c.ok),
    generatedAt: now.toISOString(),
    kioskId: config?.kioskId ?? (beat?.status === 'serving' ? beat.kioskId : null),
    checks,
  };
}
