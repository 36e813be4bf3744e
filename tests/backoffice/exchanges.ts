import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request to the test back office and its answer, as the wire carried them. */
export interface Exchange {
  readonly method: string;
  /** The path after the server's base, with its query (`/applications`, `/kiosks/K/rules?after=1`). */
  readonly path: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody: Buffer;
  readonly status: number;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: Buffer;
  /** The misbehaviour the back office was told to show on this request, if any. */
  readonly fault: string | null;
}

const flat = (headers: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]),
  );

/**
 * Watches one request and its answer without changing either: the request's
 * bytes as the handler reads them, the answer's as it writes them. Calls
 * `done` once the answer has gone (not for a connection dropped unanswered).
 */
export function watchExchange(
  base: string,
  req: IncomingMessage,
  res: ServerResponse,
  fault: () => string | null,
  done: (exchange: Exchange) => void,
): void {
  const requestChunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => requestChunks.push(chunk));
  const responseChunks: Buffer[] = [];
  // Headers given to writeHead never show in getHeaders(): kept as they pass.
  let headersWritten: Record<string, unknown> = {};
  const writeHead = res.writeHead.bind(res);
  res.writeHead = (status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === 'object' && r !== null);
    if (headers !== undefined) headersWritten = headers as Record<string, unknown>;
    return (writeHead as (...a: unknown[]) => ServerResponse)(status, ...rest);
  };
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const keep = (chunk: unknown): void => {
    if (typeof chunk === 'string') responseChunks.push(Buffer.from(chunk));
    else if (chunk instanceof Uint8Array) responseChunks.push(Buffer.from(chunk));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') keep(chunk);
    return (end as (...a: unknown[]) => ServerResponse)(chunk, ...rest);
  }) as typeof res.end;
  res.on('finish', () => {
    const url = req.url ?? '/';
    done({
      method: req.method ?? 'GET',
      path: url.startsWith(base) ? url.slice(base.length - 1) : url,
      requestHeaders: flat(req.headers),
      requestBody: Buffer.concat(requestChunks),
      status: res.statusCode,
      responseHeaders: flat({ ...res.getHeaders(), ...headersWritten }),
      responseBody: Buffer.concat(responseChunks),
      fault: fault(),
    });
  });
}
