import { readFileSync } from 'node:fs';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { signAnchor } from './anchor';
import { Agent, request } from 'node:https';
import { createSecureContext, type SecureContext } from 'node:tls';
import { z } from 'zod';
import type { Clock } from '../../core/clock';
import { err, ok, type Result } from '../../core/result';
import { parseRetryAfter } from './backoff';
import { classifyError, classifyResponse, type Outcome } from './classify';
import {
  acceptanceSchema,
  attachmentReceiptSchema,
  endorsementAnswerSchema,
  paymentAnswerSchema,
  paymentCreatedSchema,
  paymentQueryAnswerSchema,
  rulesDownloadSchema,
  statusSchema,
  type ApplicationBody,
  type RulesDownload,
  type BackOfficeStatus,
  type EndorsementAnswer,
  type HeartbeatBody,
  type PaymentAnswer,
  type PaymentCreated,
  type PaymentQueryAnswer,
} from './protocol';
import type { EvaluationBody } from '../../core/evaluation';
import type { PaymentItem } from '../../core/payment/order';

/** An order as the back office prices it again: amounts in fen, each line with its 收费依据. */
export interface PaymentOrderBody {
  readonly orderNo: string;
  readonly applicationNo: string;
  readonly serviceId: string;
  readonly amountFen: number;
  readonly items: readonly PaymentItem[];
}

/** 再次签注 at the kiosk: what the back office needs to issue it (nothing beyond the application's own). */
export interface EndorsementRequestBody {
  readonly applicationNo: string;
  readonly orderNo: string;
  readonly permitNumber: string;
  readonly kind: string;
  readonly destination: 'HK' | 'MO' | 'both';
  readonly trips: string;
  /** 人证核验 passed at this kiosk: its score and threshold, as the payload carries them. */
  readonly identityCheck: { readonly score: number; readonly threshold: number };
}

export interface BackOfficeSettings {
  readonly url: string;
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

export interface BackOfficeClient {
  submit(body: ApplicationBody, idempotencyKey: string): Promise<Outcome<{ acceptanceNo: string }>>;
  uploadAttachment(
    applicationNo: string,
    attachmentId: string,
    bytes: Uint8Array,
    sha256: string,
    mediaType: string,
  ): Promise<Outcome<unknown>>;
  status(applicationNo: string, timeoutMs: number): Promise<Outcome<BackOfficeStatus>>;
  heartbeat(body: HeartbeatBody): Promise<Outcome<unknown>>;
  /** POST /payments: the order, priced again by the back office (the order number is the idempotency key). */
  createPayment(order: PaymentOrderBody): Promise<Outcome<PaymentCreated>>;
  /** POST /payments/{orderNo}/pay: B 扫 C with the citizen's 付款码, or C 扫 B (a QR to show). */
  pay(
    orderNo: string,
    how: { readonly method: 'code'; readonly authCode: string } | { readonly method: 'qr' },
  ): Promise<Outcome<PaymentAnswer>>;
  queryPayment(orderNo: string): Promise<Outcome<PaymentQueryAnswer>>;
  /** POST /payments/{orderNo}/cancel: cancelled if unpaid, reversed if paid, or refused (still paid). */
  cancelPayment(orderNo: string): Promise<Outcome<PaymentAnswer>>;
  /** POST /endorsements: 再次签注 for a paid, verified application (idempotent by application number). */
  requestEndorsement(body: EndorsementRequestBody): Promise<Outcome<EndorsementAnswer>>;
  /** POST /evaluations: one 好差评, its id the idempotency key. */
  submitEvaluation(body: EvaluationBody): Promise<Outcome<unknown>>;
  /** A signed rule bundle newer than `after`, if the back office has one. */
  rules(after: string | null): Promise<Outcome<RulesDownload>>;
  close(): void;
}

/** The kiosk's TLS identity and the pinned station CA, read and parsed once. */
function tlsAgent(
  settings: BackOfficeSettings,
  maxSockets: number,
): Result<{ readonly agent: Agent; readonly signingKey: KeyObject }> {
  let ca: Buffer;
  let cert: Buffer;
  let key: Buffer;
  /** Parsed once: a heartbeat signs its audit anchor every minute, and parsing the PEM each time costs more than signing. */
  let signingKey: KeyObject;
  try {
    ca = readFileSync(settings.caFile);
    cert = readFileSync(settings.certFile);
    key = readFileSync(settings.keyFile);
    signingKey = createPrivateKey(key);
  } catch (cause) {
    return err(
      'tls_files',
      `back office TLS files cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  let secureContext: SecureContext;
  try {
    // Made once: otherwise every new connection (each retry while the back office is down) parses the PEMs again.
    secureContext = createSecureContext({ ca, cert, key });
  } catch (cause) {
    return err(
      'tls_files',
      `back office TLS files cannot be used: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  const agent = new Agent({
    ca,
    cert,
    key,
    secureContext,
    keepAlive: true,
    maxSockets,
    rejectUnauthorized: true,
  });
  return ok({ agent, signingKey });
}

type Call = <T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  schema: z.ZodType<T>,
  body: Buffer | null,
  headers: Record<string, string>,
  timeoutMs?: number,
) => Promise<Outcome<T>>;

/** One request to the back office, settled once as an outcome (never a rejection). */
function caller(
  agent: Agent,
  base: URL,
  kioskId: string,
  options: { readonly timeoutMs: number; readonly clock: Clock },
): Call {
  return <T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    schema: z.ZodType<T>,
    body: Buffer | null,
    headers: Record<string, string>,
    timeoutMs = options.timeoutMs,
  ): Promise<Outcome<T>> =>
    new Promise((settle) => {
      // A call settles once. Whatever way the connection ends without a whole answer (reset, cut
      // mid-body, closed by either side), it settles as a retry: an application must never stay
      // "sending" for a promise nobody resolves.
      let settled = false;
      const resolve = (outcome: Outcome<T>): void => {
        if (settled) return;
        settled = true;
        settle(outcome);
      };
      const unanswered = (): void =>
        resolve({
          kind: 'retry',
          reason: 'the connection closed without a whole answer',
          retryAfterMs: null,
        });
      let answered = false;
      const url = new URL(path, base);
      const req = request(
        url,
        {
          method,
          agent,
          headers: {
            'X-Kiosk-Id': kioskId,
            Accept: 'application/json',
            ...(body === null ? {} : { 'Content-Length': String(body.length) }),
            ...headers,
          },
          timeout: timeoutMs,
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const retryAfter = parseRetryAfter(res.headers['retry-after'], options.clock.now());
            resolve(
              classifyResponse(
                res.statusCode ?? 0,
                Buffer.concat(chunks).toString('utf8'),
                schema,
                retryAfter,
              ),
            );
          });
          res.on('error', (error: NodeJS.ErrnoException) => resolve(classifyError(error)));
          // 'close' follows 'end' on a whole answer, so this only settles an answer cut short.
          res.on('close', unanswered);
        },
      );
      req.on('timeout', () =>
        req.destroy(
          Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' }),
        ),
      );
      req.on('error', (error: NodeJS.ErrnoException) => resolve(classifyError(error)));
      req.on('close', () => {
        // Before an answer began; an answer that began settles through the response.
        if (!answered) unanswered();
      });
      req.end(body ?? undefined);
    });
}

/**
 * HTTPS to the station back office with mutual TLS: the kiosk's certificate
 * and key, and the station CA pinned — only servers that CA signed are
 * trusted, not the system's public roots.
 */
export function createBackOfficeClient(
  settings: BackOfficeSettings,
  kioskId: string,
  options: { readonly timeoutMs: number; readonly maxSockets: number; readonly clock: Clock },
): Result<BackOfficeClient> {
  const tls = tlsAgent(settings, options.maxSockets);
  if (!tls.ok) return tls;
  const { agent, signingKey } = tls.value;
  const base = new URL(settings.url.endsWith('/') ? settings.url : `${settings.url}/`);

  const call = caller(agent, base, kioskId, options);
  const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
  const ignore = z.unknown();

  return ok({
    submit: (body, idempotencyKey) =>
      call('POST', 'applications', acceptanceSchema, json(body), {
        'Content-Type': 'application/json',
        'Idempotency-Key': idempotencyKey,
      }),
    uploadAttachment: (applicationNo, attachmentId, bytes, sha256, mediaType) =>
      call(
        'PUT',
        `applications/${encodeURIComponent(applicationNo)}/attachments/${encodeURIComponent(attachmentId)}`,
        attachmentReceiptSchema,
        // A view of the scan, not a copy of it.
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        {
          'Content-Type': mediaType,
          'X-Content-SHA256': sha256,
        },
      ),
    status: (applicationNo, timeoutMs) =>
      call(
        'GET',
        `applications/${encodeURIComponent(applicationNo)}/status`,
        statusSchema,
        null,
        {},
        timeoutMs,
      ),
    heartbeat: (body) =>
      call(
        'POST',
        `kiosks/${encodeURIComponent(kioskId)}/heartbeat`,
        ignore,
        json({
          ...body,
          auditSignature:
            body.audit === null ? null : signAnchor(signingKey, kioskId, body.at, body.audit),
        }),
        { 'Content-Type': 'application/json' },
      ),
    rules: (after) =>
      call(
        'GET',
        `kiosks/${encodeURIComponent(kioskId)}/rules${after === null ? '' : `?after=${encodeURIComponent(after)}`}`,
        rulesDownloadSchema,
        null,
        {},
      ),
    createPayment: (order) =>
      call('POST', 'payments', paymentCreatedSchema, json(order), {
        'Content-Type': 'application/json',
        'Idempotency-Key': order.orderNo,
      }),
    pay: (orderNo, how) =>
      call('POST', `payments/${encodeURIComponent(orderNo)}/pay`, paymentAnswerSchema, json(how), {
        'Content-Type': 'application/json',
      }),
    queryPayment: (orderNo) =>
      call('GET', `payments/${encodeURIComponent(orderNo)}`, paymentQueryAnswerSchema, null, {}),
    cancelPayment: (orderNo) =>
      call(
        'POST',
        `payments/${encodeURIComponent(orderNo)}/cancel`,
        paymentAnswerSchema,
        json({}),
        { 'Content-Type': 'application/json' },
      ),
    requestEndorsement: (body) =>
      call('POST', 'endorsements', endorsementAnswerSchema, json(body), {
        'Content-Type': 'application/json',
        'Idempotency-Key': body.applicationNo,
      }),
    submitEvaluation: (body) =>
      call('POST', 'evaluations', ignore, json(body), {
        'Content-Type': 'application/json',
        'Idempotency-Key': body.evaluationId,
      }),
    close: () => agent.destroy(),
  });
}
