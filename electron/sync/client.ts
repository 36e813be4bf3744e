import { readFileSync } from 'node:fs';
import { signAnchor } from './anchor';
import { Agent, request } from 'node:https';
import { z } from 'zod';
import type { Clock } from '../../core/clock';
import { err, ok, type Result } from '../../core/result';
import { parseRetryAfter } from './backoff';
import { classifyError, classifyResponse, type Outcome } from './classify';
import {
  acceptanceSchema,
  attachmentReceiptSchema,
  rulesDownloadSchema,
  statusSchema,
  type ApplicationBody,
  type RulesDownload,
  type BackOfficeStatus,
  type HeartbeatBody,
} from './protocol';

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
  /** A signed rule bundle newer than `after`, if the back office has one. */
  rules(after: string | null): Promise<Outcome<RulesDownload>>;
  close(): void;
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
  let ca: Buffer;
  let cert: Buffer;
  let key: Buffer;
  try {
    ca = readFileSync(settings.caFile);
    cert = readFileSync(settings.certFile);
    key = readFileSync(settings.keyFile);
  } catch (cause) {
    return err(
      'tls_files',
      `back office TLS files cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  const agent = new Agent({
    ca,
    cert,
    key,
    keepAlive: true,
    maxSockets: options.maxSockets,
    rejectUnauthorized: true,
  });
  const base = new URL(settings.url.endsWith('/') ? settings.url : `${settings.url}/`);

  const call = <T>(
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
            body.audit === null ? null : signAnchor(key, kioskId, body.at, body.audit),
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
    close: () => agent.destroy(),
  });
}
