import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../backoffice/exchanges';
import { openApiChecker } from '../../backoffice/openapi-check';

/** The contract check that holds the test back office to backoffice-api.yaml: it must catch breaches. */
const check = openApiChecker();
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const submit = (over: Partial<Exchange> = {}): Exchange => ({
  method: 'POST',
  path: '/applications',
  requestHeaders: {
    'content-type': 'application/json',
    'idempotency-key': '6f1c0a52-7c55-4d2a-9a43-7c5d1f0e2b11',
    'x-kiosk-id': 'K-1',
  },
  requestBody: json({}),
  status: 201,
  responseHeaders: { 'content-type': 'application/json' },
  responseBody: json({ acceptanceNo: 'SL20260615000001' }),
  fault: null,
  ...over,
});

describe('the back office contract check', () => {
  it('passes answers the file describes (requests are held to it in the sync tests)', () => {
    const heartbeat: Exchange = {
      ...submit(),
      path: '/kiosks/K-1/heartbeat',
      requestBody: json({}),
      status: 204,
      responseHeaders: {},
      responseBody: Buffer.alloc(0),
    };
    expect(
      check({
        ...submit(),
        path: '/kiosks/K-1/rules?after=1',
        method: 'GET',
        requestHeaders: { 'x-kiosk-id': 'K-1' },
        requestBody: Buffer.alloc(0),
        status: 200,
        responseBody: json({ bundle: null }),
      }),
    ).toEqual([]);
    expect(check(heartbeat).filter((p) => !p.includes('request'))).toEqual([]);
    expect(check(submit()).filter((p) => !p.includes('request'))).toEqual([]);
  });

  it('catches an answer without its required field, a status the file does not declare, a missing header, an unknown path', () => {
    expect(check(submit({ responseBody: json({ accepted: true }) })).join('\n')).toContain(
      "must have required property 'acceptanceNo'",
    );
    expect(check(submit({ status: 418 }))).toContain(
      'POST /applications → 418: status 418 is not declared',
    );
    const { 'idempotency-key': _, ...noKey } = submit().requestHeaders;
    expect(check(submit({ requestHeaders: noKey })).join('\n')).toContain(
      'the required header Idempotency-Key is missing',
    );
    expect(check(submit({ path: '/refunds' }))).toEqual([
      'POST /refunds → 201: no such operation in the file',
    ]);
    expect(check(submit({ responseBody: Buffer.from('<html>') }))).toContain(
      'POST /applications → 201: the answer is not JSON',
    );
  });
});
