import { sleep } from '../sleep';
import { applicationBodySchema, type ApplicationBody } from '../../core/back-office-body';
import { evaluationBodySchema, type EvaluationBody } from '../../core/evaluation';
import { systemClock, type Clock } from '../../core/clock';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { compareVersions } from '../../rules/engine/bundle';
import type { TestPki } from './certs';
import { watchExchange, type Exchange } from './exchanges';
import { writeAtomically } from './files';
import { createPaymentPlatform, type PaymentPlatform } from './payments';
import { admission, type Capacity } from './admission';

export type { Capacity } from './admission';
import { fleetView, type FleetView, type LatestBeat } from './fleet-view';
import type { HeartbeatBody } from '../../electron/sync/protocol';
import { rulesDownloadOf } from './rules-download';

/**
 * A real station back office for tests and demos, implementing
 * electron/sync/backoffice-api.yaml: HTTPS with client certificates (CN must
 * equal X-Kiosk-Id), everything it accepts persisted to disk (it survives a
 * restart on the same folder), deduplication on the Idempotency-Key only — so
 * a kiosk that changed its key on a retry would show up as a duplicate — and
 * faults on command.
 */

export type Route =
  | 'applications'
  | 'attachments'
  | 'status'
  | 'heartbeat'
  | 'rules'
  | 'payments'
  | 'endorsements'
  | 'evaluations';

export type Misbehaviour =
  /** Answer this status before doing anything. */
  | { readonly kind: 'status'; readonly status: number }
  /** Store the application, then answer 500 as if it had failed. */
  | { readonly kind: 'fail-after-store' }
  | { readonly kind: 'throttle'; readonly retryAfterSeconds: number }
  | { readonly kind: 'slow'; readonly delayMs: number }
  /** Store the application, then hold the answer until `release()`: a kiosk waiting on an answer, on demand. */
  | { readonly kind: 'hold' }
  /** Close the connection without answering. */
  | { readonly kind: 'drop' }
  /** Store, then answer 200 with a body that is not JSON. */
  | { readonly kind: 'garbage' }
  /** Store, then send the answer's headers and half its body, and cut the connection. */
  | { readonly kind: 'cut' }
  | { readonly kind: 'reject'; readonly reason: string };

export interface StoredApplication {
  readonly acceptanceNo: string;
  readonly idempotencyKey: string;
  readonly receivedAt: string;
  readonly kioskId: string;
  /** As the kiosk sent it; checked against the API's schema on arrival. */
  readonly body: ApplicationBody;
}

export interface BackOffice {
  readonly url: string;
  readonly port: number;
  /** Faults for the next `times` requests on `routes` (default: applications and attachments). */
  misbehave(fault: Misbehaviour, options?: { times?: number; routes?: readonly Route[] }): void;
  /** From now on, each request on `routes` misbehaves with probability `rate`, picking one of `faults`. */
  chaos(rate: number, faults: readonly Misbehaviour[], routes?: readonly Route[]): void;
  /** Ends every fault, queued or random. */
  behave(): void;
  /** Answers every request held by a `hold` misbehaviour. */
  release(): void;
  /** How many answers are held. */
  holding(): number;
  /** Serve a certificate from another CA (the kiosk must refuse it). */
  useWrongCertificate(on: boolean): void;
  /** Every application stored, in order received (duplicates would appear twice). */
  stored(): StoredApplication[];
  attachment(applicationNo: string, attachmentId: string): Buffer | null;
  setState(applicationNo: string, state: string, reason?: string): void;
  heartbeats(): readonly unknown[];
  /** What a station's fleet view reads from the heartbeats: one row per kiosk, as of the back office's clock. */
  fleet(silentAfterMinutes?: number): FleetView;
  /** Requests turned away with 503 because it was over `capacity`. */
  overloaded(): number;
  /** How many requests arrived, by route. */
  requests(): Readonly<Record<Route, number>>;
  /** Requests being handled right now (a slow one included). */
  handling(): number;
  /** From now on, offers the signed rule bundle in `folder` to kiosks that have an older one. */
  publishRules(folder: string | null): void;
  /**
   * Kiosks that asked for rules newer than a version older than one this back office
   * had delivered to them: their local copy was rolled back (the newest is sent again).
   */
  rollbacks(): readonly { kioskId: string; asked: string; delivered: string }[];
  /** The audit key epochs a kiosk handed over, as `verify-audit --key EPOCH:KEY` takes them. */
  auditKeys(kioskId: string): readonly string[];
  /** Every 好差评 held, once per idempotency key. */
  evaluations(): readonly EvaluationBody[];
  /** The payment platform behind /payments and /endorsements: its faults, orders and ledger. */
  readonly payments: PaymentPlatform;
  /** Every request answered and its answer, as the wire carried them (for the contract check). */
  exchanges(): readonly Exchange[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export interface BackOfficeOptions {
  readonly dir: string;
  readonly pki: TestPki;
  readonly port?: number;
  /** The back office's own clock (another system's): the machine's unless a test sets one. */
  readonly clock?: Clock;
  /** Where chaos draws its faults from: seeded by a test that wants to replay a run. */
  readonly random?: () => number;
  /** A signed rule bundle (a folder as `npm run rules:sign` left it) to offer the kiosks. */
  readonly rulesFolder?: string;
  /**
   * What it can file per second (applications and scans; heartbeats and rule
   * checks are always answered). Over it: 503 with a Retry-After drawn from
   * `retryAfterSeconds`, so the kiosks it turned away come back spread out.
   */
  readonly capacity?: Capacity;
  /** Every heartbeat kept (tests read them); off for a simulated fleet, where only each kiosk's latest is. */
  readonly keepHeartbeats?: boolean;
  /** Every exchange kept for the contract check (tests); off for a simulated fleet. */
  readonly recordExchanges?: boolean;
  /**
   * How long an idle connection stays open (Node's default is 5 s; nginx's
   * keepalive_timeout is 75 s): a fleet heartbeating every minute keeps its
   * TLS sessions instead of a handshake per heartbeat.
   */
  readonly keepAliveSeconds?: number;
}

const BASE = '/kiosk/v1/';

const sha256 = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

export async function startBackOffice(options: BackOfficeOptions): Promise<BackOffice> {
  const clock = options.clock ?? systemClock;
  const draw = options.random ?? Math.random;
  const { dir, pki } = options;
  const recordsDir = join(dir, 'records');
  const keysDir = join(dir, 'keys');
  const filesDir = join(dir, 'attachments');
  for (const d of [recordsDir, keysDir, filesDir]) mkdirSync(d, { recursive: true });

  // Counted once at start, so a restarted back office continues its numbering.
  let recordCount = readdirSync(recordsDir).filter((f) => f.endsWith('.json')).length;
  const states = new Map<string, { state: string; reason?: string; updatedAt: string }>();
  const beats: unknown[] = [];
  const held: (() => void)[] = [];
  const counts: Record<Route, number> = {
    applications: 0,
    attachments: 0,
    status: 0,
    heartbeat: 0,
    rules: 0,
    payments: 0,
    endorsements: 0,
    evaluations: 0,
  };
  const evaluationsDir = join(dir, 'evaluations');
  mkdirSync(evaluationsDir, { recursive: true });
  const payments = createPaymentPlatform({ dir, clock, random: draw });
  /** The signed rule bundle the station publishes to its kiosks (a folder as rules:sign left it). */
  let rulesFolder: string | null = options.rulesFolder ?? null;
  const latest = new Map<string, LatestBeat>();
  const admit = options.capacity === undefined ? null : admission(options.capacity, clock, draw);
  let overloaded = 0;
  /** The newest bundle version delivered to each kiosk: the floor it cannot go below unnoticed. */
  const delivered = new Map<string, string>();
  const rollbacks: { kioskId: string; asked: string; delivered: string }[] = [];
  const auditKeys = new Map<string, string[]>();
  let faults: { fault: Misbehaviour; times: number; routes: readonly Route[] }[] = [];
  let random: { rate: number; faults: readonly Misbehaviour[]; routes: readonly Route[] } | null =
    null;
  let sockets = new Set<Socket>();
  const exchanges: Exchange[] = [];
  /** The misbehaviour each request was given, for telling a fault from a breach of the contract. */
  const faultOf = new WeakMap<IncomingMessage, string>();

  const stored = (): StoredApplication[] =>
    readdirSync(recordsDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(recordsDir, f), 'utf8')) as StoredApplication);

  const nextFault = (route: Route): Misbehaviour | null => {
    const entry = faults.find((f) => f.times > 0 && f.routes.includes(route));
    if (entry === undefined) {
      if (random === null || !random.routes.includes(route) || draw() >= random.rate) return null;
      return random.faults[Math.floor(draw() * random.faults.length)] ?? null;
    }
    entry.times -= 1;
    faults = faults.filter((f) => f.times > 0);
    return entry.fault;
  };

  const tls = (wrong: boolean) => ({
    key: readFileSync(wrong ? pki.rogueKeyFile : pki.serverKeyFile),
    cert: readFileSync(wrong ? pki.rogueCertFile : pki.serverCertFile),
    ca: readFileSync(pki.caFile),
  });

  const acceptApplication = (
    kioskId: string,
    key: string,
    raw: Buffer,
  ): { status: number; body: unknown } => {
    const keyFile = join(keysDir, `${sha256(key)}.json`);
    const bodyHash = sha256(raw);
    if (existsSync(keyFile)) {
      const seen = JSON.parse(readFileSync(keyFile, 'utf8')) as {
        bodyHash: string;
        acceptanceNo: string;
      };
      if (seen.bodyHash !== bodyHash)
        return {
          status: 409,
          body: { reason: '同一幂等键对应了不同的申请', code: 'idempotency_conflict' },
        };
      return { status: 200, body: { acceptanceNo: seen.acceptanceNo, duplicate: true } };
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return { status: 400, body: { reason: '申请数据无法解析', code: 'bad_json' } };
    }
    // A real back office checks what it files: a body outside the API is refused, not guessed at.
    const parsed = applicationBodySchema.safeParse(json);
    if (!parsed.success) {
      return { status: 422, body: { reason: '申请数据不完整', code: 'incomplete' } };
    }
    const body = parsed.data;
    const listed: readonly { id: string; sha256: string }[] = body.attachments;
    for (const a of listed) {
      const file = join(filesDir, body.applicationNo, a.id);
      if (!existsSync(file) || sha256(readFileSync(file)) !== a.sha256) {
        return { status: 409, body: { reason: `附件 ${a.id} 未上传`, code: 'attachment_missing' } };
      }
    }
    recordCount += 1;
    const sequence = recordCount;
    const acceptanceNo = `SL${body.applicationNo.slice(0, 8)}${String(sequence).padStart(6, '0')}`;
    const record: StoredApplication = {
      acceptanceNo,
      idempotencyKey: key,
      receivedAt: clock.now().toISOString(),
      kioskId,
      body,
    };
    // Record first, then the key: a crash in between leaves a record the key does not point to, never the reverse.
    writeAtomically(
      join(recordsDir, `${String(sequence).padStart(8, '0')}-${acceptanceNo}.json`),
      JSON.stringify(record),
    );
    writeAtomically(keyFile, JSON.stringify({ bodyHash, acceptanceNo }));
    return { status: 201, body: { acceptanceNo } };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'https://backoffice.test');
    if (!url.pathname.startsWith(BASE)) return json(res, 404, { reason: 'not found' });
    const parts = url.pathname.slice(BASE.length).split('/').map(decodeURIComponent);
    const route: Route | null =
      parts[0] === 'applications' && parts.length === 1
        ? 'applications'
        : parts[0] === 'applications' && parts[2] === 'attachments' && parts.length === 4
          ? 'attachments'
          : parts[0] === 'applications' && parts[2] === 'status' && parts.length === 3
            ? 'status'
            : parts[0] === 'kiosks' && parts[2] === 'heartbeat'
              ? 'heartbeat'
              : parts[0] === 'kiosks' && parts[2] === 'rules' && req.method === 'GET'
                ? 'rules'
                : parts[0] === 'payments' && parts.length <= 3
                  ? 'payments'
                  : parts[0] === 'endorsements' && parts.length === 1 && req.method === 'POST'
                    ? 'endorsements'
                    : parts[0] === 'evaluations' && parts.length === 1 && req.method === 'POST'
                      ? 'evaluations'
                      : null;
    if (route === null) return json(res, 404, { reason: 'not found' });
    counts[route] += 1;

    const peer = (req.socket as TLSSocket).getPeerCertificate();
    const kioskId = req.headers['x-kiosk-id'];
    if (typeof kioskId !== 'string' || peer.subject?.CN !== kioskId) {
      return json(res, 403, {
        reason: 'client certificate does not match X-Kiosk-Id',
        code: 'forbidden',
      });
    }
    const raw = await readBody(req);
    if (admit !== null && (route === 'applications' || route === 'attachments')) {
      const wait = admit();
      if (wait !== null) {
        overloaded += 1;
        return json(res, 503, { reason: '后台繁忙，请稍后再试' }, { 'Retry-After': String(wait) });
      }
    }
    const fault = nextFault(route);
    if (fault !== null) faultOf.set(req, fault.kind);
    if (fault !== null) {
      switch (fault.kind) {
        case 'status':
          return json(res, fault.status, { reason: `injected ${fault.status}` });
        case 'throttle':
          return json(
            res,
            429,
            { reason: '请稍后再试' },
            { 'Retry-After': String(fault.retryAfterSeconds) },
          );
        case 'slow':
          await sleep(fault.delayMs, 'a slow back office, as a fault injected');
          break;
        case 'drop':
          req.socket.destroy();
          return;
        case 'reject':
          return json(res, 422, { reason: fault.reason, code: 'rejected' });
        case 'fail-after-store':
        case 'garbage':
        case 'cut':
        case 'hold':
          break;
      }
    }

    switch (route) {
      case 'evaluations': {
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || key === '')
          return json(res, 400, { reason: 'Idempotency-Key is required' });
        let body: unknown;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return json(res, 400, { reason: '评价数据无法解析', code: 'bad_json' });
        }
        const parsed = evaluationBodySchema.safeParse(body);
        if (!parsed.success)
          return json(res, 422, { reason: '评价数据不完整', code: 'incomplete' });
        // Deduplicated on the key only: a kiosk that changed it on a retry would be counted twice.
        const file = join(evaluationsDir, `${sha256(key)}.json`);
        if (existsSync(file))
          return json(res, 200, { evaluationId: parsed.data.evaluationId, duplicate: true });
        writeAtomically(
          file,
          JSON.stringify({
            key,
            kioskId,
            receivedAt: clock.now().toISOString(),
            body: parsed.data,
          }),
        );
        return json(res, 201, { evaluationId: parsed.data.evaluationId });
      }
      case 'payments':
      case 'endorsements': {
        let body: unknown = null;
        try {
          body = raw.length === 0 ? null : JSON.parse(raw.toString('utf8'));
        } catch {
          return json(res, 400, { reason: '请求数据无法解析', code: 'bad_json' });
        }
        const [, orderNo = '', action] = parts;
        const handled = (): ReturnType<PaymentPlatform['pay']> | null =>
          route === 'endorsements'
            ? payments.endorse(body)
            : parts.length === 1 && req.method === 'POST'
              ? payments.create(kioskId, body)
              : parts.length === 2 && req.method === 'GET'
                ? payments.query(orderNo)
                : action === 'pay' && req.method === 'POST'
                  ? payments.pay(orderNo, body)
                  : action === 'cancel' && req.method === 'POST'
                    ? payments.cancel(orderNo)
                    : null;
        const answer = handled();
        if (answer === null) return json(res, 404, { reason: 'not found' });
        // A replayed request (a proxy's retry) is handled again: the platform must not charge twice.
        if (answer.replay === true) payments.pay(orderNo, body);
        if (answer.drop === true) {
          faultOf.set(req, 'drop');
          req.socket.destroy();
          return;
        }
        if (answer.delayMs !== undefined)
          await sleep(answer.delayMs, 'a slow payment platform, as scripted');
        return json(res, answer.status, answer.body);
      }
      case 'attachments': {
        const [, applicationNo = '', , attachmentId = ''] = parts;
        const declared = req.headers['x-content-sha256'];
        if (declared !== sha256(raw))
          return json(res, 422, { reason: '附件校验值不符', code: 'sha256_mismatch' });
        mkdirSync(join(filesDir, applicationNo), { recursive: true });
        writeAtomically(join(filesDir, applicationNo, attachmentId), raw);
        return json(res, 201, { attachmentId, sha256: declared });
      }
      case 'applications': {
        const key = req.headers['idempotency-key'];
        if (typeof key !== 'string' || key === '')
          return json(res, 400, { reason: 'Idempotency-Key is required' });
        const answer = acceptApplication(kioskId, key, raw);
        if (fault?.kind === 'hold') await new Promise<void>((release) => held.push(release));
        if (fault?.kind === 'fail-after-store')
          return json(res, 500, { reason: 'injected 500 after storing' });
        if (fault?.kind === 'cut') {
          const text = JSON.stringify(answer.body);
          res.writeHead(answer.status, {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(text),
          });
          res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
          return;
        }
        if (fault?.kind === 'garbage') {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end('<html>proxy error</html>');
          return;
        }
        return json(res, answer.status, answer.body);
      }
      case 'status': {
        const applicationNo = parts[1] ?? '';
        const record = stored().find((r) => r.body.applicationNo === applicationNo);
        if (record === undefined) return json(res, 404, { reason: '未收到该申请' });
        const state = states.get(applicationNo);
        return json(res, 200, {
          applicationNo,
          acceptanceNo: record.acceptanceNo,
          state: state?.state ?? 'received',
          ...(state?.reason === undefined ? {} : { reason: state.reason }),
          updatedAt: state?.updatedAt ?? record.receivedAt,
          serviceId: record.body.serviceId,
          submittedAt: record.body.submittedAt,
          dueDate: record.body.dueDate,
        });
      }
      case 'rules': {
        // Carried as signed: the kiosk verifies against its own keys, so nothing here is trusted.
        if (rulesFolder === null) return json(res, 200, { bundle: null });
        const bundle = rulesDownloadOf(rulesFolder);
        const after = url.searchParams.get('after');
        const floor = delivered.get(kioskId);
        if (floor !== undefined && (after === null || compareVersions(after, floor) < 0)) {
          rollbacks.push({ kioskId, asked: after ?? '(none)', delivered: floor });
          console.warn(
            `kiosk ${kioskId} serves rules ${after ?? '(none)'} below ${floor}, delivered before: rolled back`,
          );
        }
        if (after !== null && compareVersions(bundle.version, after) <= 0)
          return json(res, 200, { bundle: null });
        if (floor === undefined || compareVersions(bundle.version, floor) > 0)
          delivered.set(kioskId, bundle.version);
        return json(res, 200, { bundle });
      }
      case 'heartbeat': {
        const beat = JSON.parse(raw.toString('utf8')) as {
          at: string;
          audit: { seq: number; hash: string } | null;
          auditSignature: string | null;
          auditKeys?: { startSeq: number; key: string }[];
        };
        for (const k of beat.auditKeys ?? [])
          auditKeys.set(kioskId, [...(auditKeys.get(kioskId) ?? []), `${k.startSeq}:${k.key}`]);
        // The anchor's signature, checked against the client certificate this request came with.
        const signed =
          beat.audit !== null &&
          beat.auditSignature !== null &&
          verify(
            'sha256',
            Buffer.from(
              `police-kiosk audit anchor v1\n${kioskId}\n${beat.at}\n${beat.audit.seq}:${beat.audit.hash}`,
            ),
            new X509Certificate(peer.raw).publicKey,
            Buffer.from(beat.auditSignature, 'base64'),
          );
        if (options.keepHeartbeats !== false) beats.push({ ...beat, anchorVerified: signed });
        latest.set(kioskId, {
          receivedAt: clock.nowMs(),
          body: beat as unknown as HeartbeatBody,
          anchorVerified: signed,
          certificateValidTo: peer.valid_to,
        });
        res.writeHead(204).end();
        return;
      }
    }
  };

  let server: Server | null = null;
  let handlingNow = 0;
  let port = options.port ?? 0;
  let wrongCertificate = false;

  const listen = async (): Promise<void> => {
    const s = createServer(
      { ...tls(wrongCertificate), requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        if (options.recordExchanges !== false)
          watchExchange(
            BASE,
            req,
            res,
            () => faultOf.get(req) ?? null,
            (e) => exchanges.push(e),
          );
        handlingNow += 1;
        handle(req, res)
          .catch((cause: unknown) => {
            if (!res.headersSent) json(res, 500, { reason: String(cause) });
          })
          .finally(() => (handlingNow -= 1));
      },
    );
    if (options.keepAliveSeconds !== undefined)
      s.keepAliveTimeout = options.keepAliveSeconds * 1000;
    s.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    s.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    const address = s.address();
    if (typeof address === 'object' && address !== null) port = address.port;
    server = s;
  };
  await listen();

  return {
    get url() {
      return `https://127.0.0.1:${port}/kiosk/v1`;
    },
    get port() {
      return port;
    },
    misbehave(fault, o = {}) {
      faults.push({
        fault,
        times: o.times ?? 1,
        routes: o.routes ?? ['applications', 'attachments'],
      });
    },
    chaos(rate, list, routes = ['applications', 'attachments']) {
      random = { rate, faults: list, routes };
    },
    release() {
      for (const answer of held.splice(0)) answer();
    },
    holding: () => held.length,
    behave() {
      faults = [];
      random = null;
    },
    publishRules(folder) {
      rulesFolder = folder;
    },
    rollbacks: () => rollbacks,
    auditKeys: (kioskId) => auditKeys.get(kioskId) ?? [],
    exchanges: () => exchanges,
    payments,
    evaluations: () =>
      readdirSync(evaluationsDir)
        .filter((f) => f.endsWith('.json'))
        .map(
          (f) =>
            (JSON.parse(readFileSync(join(evaluationsDir, f), 'utf8')) as { body: EvaluationBody })
              .body,
        ),
    useWrongCertificate(on) {
      wrongCertificate = on;
      server?.setSecureContext(tls(on));
      // Keep-alive connections made under the old certificate would hide the change.
      for (const socket of sockets) socket.destroy();
    },
    stored,
    attachment(applicationNo, attachmentId) {
      const file = join(filesDir, applicationNo, attachmentId);
      return existsSync(file) ? readFileSync(file) : null;
    },
    setState(applicationNo, state, reason) {
      states.set(applicationNo, {
        state,
        ...(reason === undefined ? {} : { reason }),
        updatedAt: clock.now().toISOString(),
      });
    },
    heartbeats: () => beats,
    fleet: (silentAfterMinutes = 5) => fleetView(latest, clock.nowMs(), silentAfterMinutes),
    overloaded: () => overloaded,
    requests: () => ({ ...counts }),
    handling: () => handlingNow,
    async stop() {
      const s = server;
      server = null;
      if (s === null) return;
      for (const socket of sockets) socket.destroy();
      sockets = new Set();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async start() {
      if (server === null) await listen();
    },
  };
}
