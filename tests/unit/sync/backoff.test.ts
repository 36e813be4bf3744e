import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from '../../../electron/sync/backoff';
import { classifyError, classifyResponse } from '../../../electron/sync/classify';
import { acceptanceSchema } from '../../../electron/sync/protocol';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('retry delay (exponential, full jitter, capped)', () => {
  it('grows as 2^attempt up to the cap, at the top of the jitter range', () => {
    const top = () => 0.999_999;
    expect([0, 1, 2, 3, 5, 10, 40].map((a) => retryDelayMs(a, policy, top))).toEqual([
      999, 1999, 3999, 7999, 31_999, 59_999, 59_999,
    ]);
  });

  it('spreads retries from zero to the ceiling', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(0);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(4000);
    const samples = Array.from({ length: 500 }, () => retryDelayMs(4, policy));
    expect(Math.min(...samples)).toBeLessThan(4000);
    expect(Math.max(...samples)).toBeGreaterThan(12_000);
    expect(Math.max(...samples)).toBeLessThan(16_000);
  });

  it('never retries sooner than Retry-After asks', () => {
    expect(retryDelayMs(0, policy, () => 0, 30_000)).toBe(30_000);
    expect(retryDelayMs(10, policy, () => 0.99, 1000)).toBe(59_400);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('what an answer means', () => {
  it('accepts a 201 with a 受理编号, retries a 2xx it cannot read', () => {
    expect(classifyResponse(201, '{"acceptanceNo":"SL1"}', acceptanceSchema, null)).toEqual({
      kind: 'ok',
      value: { acceptanceNo: 'SL1' },
    });
    expect(classifyResponse(200, '<html>', acceptanceSchema, null)).toMatchObject({
      kind: 'retry',
    });
  });

  it('keeps the reason of a rejection, asks for a person on 401/403/409, retries 5xx and 429', () => {
    expect(classifyResponse(422, '{"reason":"材料不全"}', acceptanceSchema, null)).toEqual({
      kind: 'rejected',
      reason: '材料不全',
    });
    expect(classifyResponse(403, '', acceptanceSchema, null)).toMatchObject({ kind: 'attention' });
    expect(classifyResponse(409, '{"reason":"key reused"}', acceptanceSchema, null)).toMatchObject({
      kind: 'attention',
      reason: expect.stringContaining('key reused'),
    });
    expect(classifyResponse(503, '', acceptanceSchema, 5000)).toEqual({
      kind: 'retry',
      reason: 'HTTP 503',
      retryAfterMs: 5000,
    });
    expect(classifyResponse(429, '{"reason":"busy"}', acceptanceSchema, 1000)).toMatchObject({
      kind: 'retry',
      retryAfterMs: 1000,
    });
  });

  it('needs a person for certificate trouble, retries everything else on the network', () => {
    const tls = Object.assign(new Error('self-signed certificate in certificate chain'), {
      code: 'SELF_SIGNED_CERT_IN_CHAIN',
    });
    expect(classifyError(tls)).toMatchObject({ kind: 'attention' });
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8443'), {
      code: 'ECONNREFUSED',
    });
    expect(classifyError(refused)).toMatchObject({ kind: 'retry' });
  });
});
