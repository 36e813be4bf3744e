import type { z } from 'zod';
import { problemSchema } from './protocol';

/** What an attempt came to, in the worker's terms (see backoffice-api.yaml). */
export type Outcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** `code`: the back office's word for why (a refused 付款码: auth_code_expired …), when it gave one. */
  | { readonly kind: 'rejected'; readonly reason: string; readonly code?: string }
  | { readonly kind: 'attention'; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs: number | null }
  | { readonly kind: 'not_found' };

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

const codeOf = (body: string): { code?: string } => {
  const problem = problemSchema.safeParse(parseJson(body));
  return problem.success && problem.data.code !== undefined ? { code: problem.data.code } : {};
};

const reasonOf = (body: string, fallback: string): string => {
  const problem = problemSchema.safeParse(parseJson(body));
  return problem.success ? problem.data.reason : fallback;
};

/**
 * Maps an HTTP answer to an outcome. A 2xx whose body does not parse is
 * retried: the back office may have stored the application, and the same
 * idempotency key will fetch its real answer next time.
 */
export function classifyResponse<T>(
  status: number,
  body: string,
  schema: z.ZodType<T>,
  retryAfterMs: number | null,
): Outcome<T> {
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(body === '' ? {} : parseJson(body));
    return parsed.success
      ? { kind: 'ok', value: parsed.data }
      : { kind: 'retry', reason: `HTTP ${status} with an unreadable body`, retryAfterMs };
  }
  if (status === 404) return { kind: 'not_found' };
  if (status === 400 || status === 422)
    return { kind: 'rejected', reason: reasonOf(body, `HTTP ${status}`), ...codeOf(body) };
  if (status === 401 || status === 403) {
    return {
      kind: 'attention',
      reason: `HTTP ${status}: the back office does not accept this kiosk's certificate`,
    };
  }
  if (status === 409)
    return { kind: 'attention', reason: `HTTP 409: ${reasonOf(body, 'idempotency key conflict')}` };
  return {
    kind: 'retry',
    reason: `HTTP ${status}${body ? `: ${reasonOf(body, '').slice(0, 120)}` : ''}`,
    retryAfterMs,
  };
}

const TLS_TRUST = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|ERR_TLS|ERR_SSL|alert|certificate/i;

/** Network-level failures: trust problems need a person, everything else is retried. */
export function classifyError(error: NodeJS.ErrnoException): Outcome<never> {
  const code = error.code ?? '';
  const text = `${code} ${error.message}`;
  if (TLS_TRUST.test(text))
    return { kind: 'attention', reason: `TLS: ${code || error.message}`.slice(0, 200) };
  return {
    kind: 'retry',
    reason: `${code || 'network'}: ${error.message}`.slice(0, 200),
    retryAfterMs: null,
  };
}
