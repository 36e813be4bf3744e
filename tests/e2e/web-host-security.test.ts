import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_CAPTURE_BYTES } from '../../core/limits';
import { MAX_BODY_BYTES } from '../../electron/api/web-binding';
import { startKiosk, type RunningKiosk } from './harness';

interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** Raw HTTP, so tests can send what a browser never would (forged Host, odd paths). */
function send(
  kiosk: RunningKiosk,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const { port } = new URL(kiosk.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function openSocket(
  kiosk: RunningKiosk,
  headers: Record<string, string>,
): Promise<'open' | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${kiosk.origin.replace('http', 'ws')}/events`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', () => resolve(0));
  });
}

describe('web host guards', () => {
  let kiosk: RunningKiosk;
  beforeAll(async () => {
    kiosk = await startKiosk();
  });
  afterAll(async () => {
    await kiosk?.stop();
  });

  it('prints exactly one KIOSK_URL line with a long random token', () => {
    expect(kiosk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses the page, the API and the event socket without the token', async () => {
    expect((await send(kiosk, '/')).status).toBe(401);
    expect((await send(kiosk, '/api/listServices', { method: 'POST', body: '{}' })).status).toBe(
      401,
    );
    expect((await send(kiosk, '/?token=not-the-token')).status).toBe(401);
    expect(await openSocket(kiosk, {})).toBe(401);
    expect(await openSocket(kiosk, { Cookie: 'kiosk_token=wrong' })).toBe(401);
  });

  it('trades the URL token for an HttpOnly cookie and serves the page with a strict CSP', async () => {
    const first = await send(kiosk, `/?token=${kiosk.token}`);
    expect(first.status).toBe(303);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await send(kiosk, '/', { headers: { Cookie: `kiosk_token=${kiosk.token}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(await openSocket(kiosk, { Cookie: `kiosk_token=${kiosk.token}` })).toBe('open');
  });

  it('answers API calls with the token as Result values, and rejects bad input by the contract', async () => {
    const headers = { 'X-Kiosk-Token': kiosk.token, 'Content-Type': 'application/json' };
    const ok = await send(kiosk, '/api/listServices', { method: 'POST', headers, body: '{}' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
    const bad = await send(kiosk, '/api/getService', {
      method: 'POST',
      headers,
      body: '{"serviceId": 42}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    const unknown = await send(kiosk, '/api/dropTables', { method: 'POST', headers, body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    const noSession = await send(kiosk, '/api/submitApplication', {
      method: 'POST',
      headers,
      body: JSON.stringify({ serviceId: 'passport-first', answers: {} }),
    });
    expect(JSON.parse(noSession.body)).toMatchObject({ ok: false, error: { code: 'no_session' } });
  });

  it('answers an oversized body with 413 and a bad socket frame with a close code, and keeps serving', async () => {
    const headers = { 'X-Kiosk-Token': kiosk.token, 'Content-Type': 'application/json' };
    // The largest real request (one photo) fits; twice the limit gets 413, not a reset.
    const photo = 'A'.repeat(Math.ceil(MAX_CAPTURE_BYTES / 3) * 4);
    const fits = await send(kiosk, '/api/addCapture', {
      method: 'POST',
      headers,
      body: JSON.stringify({ materialId: 'x', mediaType: 'image/jpeg', dataBase64: photo }),
    });
    expect(fits.status).toBe(200);
    const huge = await send(kiosk, '/api/getKioskInfo', {
      method: 'POST',
      headers,
      body: 'x'.repeat(2 * MAX_BODY_BYTES),
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toContain(`over ${MAX_BODY_BYTES} bytes`);

    const closes: number[] = [];
    for (const frame of [Buffer.from([0xc3, 0x28, 0xff]), Buffer.alloc(64 * 1024, 0x61)]) {
      closes.push(
        await new Promise<number>((resolve) => {
          const socket = new WebSocket(`${kiosk.origin.replace('http', 'ws')}/events`, {
            headers: { Cookie: `kiosk_token=${kiosk.token}` },
          });
          socket.on('open', () => socket.send(frame, { binary: false }));
          socket.on('close', (code) => resolve(code));
          socket.on('error', () => undefined);
        }),
      );
    }
    // 1007: invalid UTF-8; 1009: message too big.
    expect(closes).toEqual([1007, 1009]);
    expect(kiosk.process.exitCode).toBeNull();
    const after = await send(kiosk, '/api/listServices', { method: 'POST', headers, body: '{}' });
    expect(JSON.parse(after.body)).toMatchObject({ ok: true });
  });

  it('refuses a forged Host (DNS rebinding) and a foreign Origin (CSRF) even with the token', async () => {
    const { port } = new URL(kiosk.origin);
    const headers = { 'X-Kiosk-Token': kiosk.token };
    expect(
      (
        await send(kiosk, '/api/listServices', {
          method: 'POST',
          headers: { ...headers, Host: `evil.example:${port}` },
          body: '{}',
        })
      ).status,
    ).toBe(421);
    expect(
      (
        await send(kiosk, '/api/listServices', {
          method: 'POST',
          headers: { ...headers, Origin: 'http://evil.example' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
    expect(
      await openSocket(kiosk, {
        Cookie: `kiosk_token=${kiosk.token}`,
        Origin: 'http://evil.example',
      }),
    ).toBe(401);
  });

  it('does not serve files outside the renderer folder', async () => {
    const headers = { Cookie: `kiosk_token=${kiosk.token}` };
    expect((await send(kiosk, '/%2e%2e/%2e%2e/package.json', { headers })).status).toBe(404);
    expect((await send(kiosk, '/..%2f..%2fpackage.json', { headers })).status).toBe(404);
  });
});
