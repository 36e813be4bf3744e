import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_CAPTURE_BYTES } from '../../core/limits';
import { securityHeaders } from '../shell/csp';
import {
  outOfServiceCss,
  outOfServicePage,
  OUT_OF_SERVICE_CSS_PATH,
} from '../shell/out-of-service';
import { servedFile } from './boot-data';
import { contentTypeFor, resolveStaticFile } from '../shell/static-files';
import type { Logger } from '../shared/log';
import type { EventName, EventPayload } from '../../core/api/contract';
import type { Dispatch } from './dispatch';

export const TOKEN_COOKIE = 'kiosk_token';
/**
 * The largest legitimate request is one document-camera photo (addCapture):
 * its base64 plus the JSON around it. Anything bigger is answered 413.
 */
export const MAX_BODY_BYTES = Math.ceil(MAX_CAPTURE_BYTES / 3) * 4 + 64 * 1024;
/** The page never sends on the event socket; a frame over this closes it (1009). */
export const MAX_SOCKET_MESSAGE_BYTES = 4 * 1024;

/** What the host serves: the kiosk, or — when it could not start — the out-of-service notice. */
export type WebContent =
  | {
      readonly kind: 'kiosk';
      readonly dispatch: Dispatch;
      readonly subscribe: (
        listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void,
      ) => () => void;
      readonly staticDir: string;
    }
  | { readonly kind: 'out_of_service'; readonly reason: string };

export interface WebBindingOptions {
  readonly content: WebContent;
  /** Per-launch random secret; every request and the WebSocket upgrade must carry it. */
  readonly token: string;
  readonly log: Logger;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function cookieToken(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return null;
}

function refuse(res: ServerResponse, status: number, why: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(`${why}\n`);
}

type Body = { kind: 'read'; text: string } | { kind: 'too_large' } | { kind: 'broken' };
/** The body, or `too_large` past MAX_BODY_BYTES (said by Content-Length or counted). */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      req.resume();
      resolve({ kind: 'too_large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Keep reading to the end (discarding) so the client gets the 413, not a reset.
        chunks.length = 0;
        resolve({ kind: 'too_large' });
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve({ kind: 'read', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolve({ kind: 'broken' }));
  });
}

function serveOutOfService(res: ServerResponse, path: string, reason: string): void {
  const css = path === OUT_OF_SERVICE_CSS_PATH;
  res.writeHead(css ? 200 : 503, {
    ...securityHeaders(),
    'Content-Type': css ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(css ? outOfServiceCss : outOfServicePage(reason));
}

async function serveStatic(
  res: ServerResponse,
  path: string,
  content: WebBindingOptions['content'],
): Promise<void> {
  if (content.kind === 'out_of_service') return serveOutOfService(res, path, content.reason);
  const file = resolveStaticFile(content.staticDir, path);
  if (file === null) return refuse(res, 404, 'Not found');
  try {
    const bytes = await servedFile(file, content.dispatch);
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': contentTypeFor(file),
      'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    res.end(bytes);
  } catch {
    refuse(res, 404, 'Not found');
  }
}

/**
 * The kiosk service over HTTP + WebSocket on loopback, for development, demos
 * and end-to-end tests in a plain browser. Adds transport only: every call
 * goes through the same contract dispatch as IPC.
 *
 * Guards: Host must be this loopback address (DNS rebinding), Origin when
 * present must be the page itself (CSRF from other local pages), and the
 * per-launch token must come as a cookie (set once from `/?token=`) or header.
 */
export function createWebBinding(options: WebBindingOptions): Server {
  const { content, token, log } = options;
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
  // A bad frame (invalid UTF-8, too large) closes that socket with its code; it never reaches the process.
  sockets.on('connection', (ws: WebSocket) => {
    ws.on('error', (cause: Error & { code?: string }) =>
      log.warn('web.socket_refused', { code: cause.code ?? cause.name }),
    );
  });
  sockets.on('error', (cause) => log.warn('web.socket_server_error', { error: cause.name }));

  const port = (): number => {
    const address = server.address();
    return typeof address === 'object' && address !== null ? address.port : 0;
  };
  const allowedHosts = (): string[] => [`127.0.0.1:${port()}`, `localhost:${port()}`];
  const hostOk = (req: IncomingMessage): boolean => allowedHosts().includes(req.headers.host ?? '');
  const originOk = (req: IncomingMessage): boolean => {
    const origin = req.headers.origin;
    return origin === undefined || allowedHosts().some((h) => origin === `http://${h}`);
  };
  const tokenOk = (req: IncomingMessage): boolean => {
    const presented = cookieToken(req.headers.cookie) ?? req.headers['x-kiosk-token'];
    return typeof presented === 'string' && sameSecret(presented, token);
  };

  const serveApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
  ): Promise<void> => {
    if (req.method !== 'POST') return refuse(res, 405, 'Use POST');
    const body = await readBody(req);
    if (body.kind === 'too_large') {
      log.warn('web.body_too_large', { method, limit: MAX_BODY_BYTES });
      res.setHeader('Connection', 'close');
      return refuse(res, 413, `Request body over ${MAX_BODY_BYTES} bytes`);
    }
    if (body.kind === 'broken') return refuse(res, 400, 'Request body broken off');
    let input: unknown;
    try {
      input = body.text === '' ? {} : JSON.parse(body.text);
    } catch {
      return refuse(res, 400, 'Body is not JSON');
    }
    if (content.kind === 'out_of_service') return refuse(res, 503, 'The kiosk is out of service');
    const result = await content.dispatch(method, input);
    res.writeHead(200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(JSON.stringify(result));
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      if (!hostOk(req)) return refuse(res, 421, 'Wrong Host header');
      if (!originOk(req)) return refuse(res, 403, 'Cross-origin request refused');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');

      const queryToken = url.searchParams.get('token');
      if (url.pathname === '/' && queryToken !== null) {
        if (!sameSecret(queryToken, token)) return refuse(res, 401, 'Wrong kiosk token');
        // Trade the URL token for a cookie, then drop it from the address bar and history.
        res.writeHead(303, {
          Location: '/',
          'Set-Cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          'Cache-Control': 'no-store',
        });
        res.end();
        return;
      }
      if (!tokenOk(req)) return refuse(res, 401, 'Missing or wrong kiosk token');

      const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
      if (api?.[1] !== undefined) return serveApi(req, res, api[1]);
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return refuse(res, 405, 'Method not allowed');
      return serveStatic(res, url.pathname, content);
    })().catch((cause: unknown) => {
      log.error('web.request_failed', { error: cause instanceof Error ? cause.name : 'unknown' });
      if (!res.headersSent) refuse(res, 500, 'Internal error');
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (
      content.kind !== 'kiosk' ||
      url.pathname !== '/events' ||
      !hostOk(req) ||
      !originOk(req) ||
      !tokenOk(req)
    ) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws: WebSocket) =>
      sockets.emit('connection', ws, req),
    );
  });

  const unsubscribe =
    content.kind === 'kiosk'
      ? content.subscribe((event, payload) => {
          const message = JSON.stringify({ event, payload });
          for (const client of sockets.clients)
            if (client.readyState === client.OPEN) client.send(message);
        })
      : () => undefined;
  server.on('close', () => {
    unsubscribe();
    for (const client of sockets.clients) client.terminate();
  });

  return server;
}
