import { hex, type FrameLog } from '../frame-log';
import type { ByteTransport } from '../transport/byte-transport';
import { createStreamDeframer, parseReply, type DeframeEvent, type Reply } from './codec';
import { systemClock, type Clock } from '../../../core/clock';
import { err, ok, type Result } from '../../../core/result';

/**
 * One request, one reply over a SAM transport. The reader answers strictly in
 * turn, so a single pending request is enough; frames that arrive with no
 * request waiting are late replies to a timed-out one and are dropped.
 */
export interface SamLink {
  request(command: Uint8Array, timeoutMs: number): Promise<Result<Reply>>;
  /** Framing trouble seen since the last call (garbage, bad checksums), for diagnostics. */
  takeFramingEvents(): DeframeEvent[];
  dispose(): void;
}

/**
 * Frame-level tap for diagnostics. Replies with more than a status word carry
 * card data: only their status and length are logged, never the bytes.
 */
function logFrames(log: FrameLog | undefined) {
  return {
    command(bytes: Uint8Array): void {
      log?.add('tx', hex(bytes));
    },
    event(event: DeframeEvent): void {
      if (log === undefined) return;
      if (event.type === 'frame') {
        const sw = hex(event.body.subarray(0, 3));
        const data = event.body.length - 3;
        log.add(
          'rx',
          data > 8
            ? `SW ${sw} + ${data} bytes of card data (masked)`
            : `SW ${sw}${data > 0 ? ` ${hex(event.body.subarray(3))}` : ''}`,
        );
      } else if (event.type === 'garbage') log.add('note', `${event.count} bytes of noise skipped`);
      else log.add('note', `${event.type} (length ${event.length}), resynchronising`);
    },
  };
}

type Outcome =
  | { readonly kind: 'reply'; readonly reply: Reply }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'write_failed'; readonly message: string };

export function createSamLink(
  transport: ByteTransport,
  frameLog?: FrameLog,
  // On the kiosk's clock: a reply's time limit moves with a test's clock, not the machine's.
  timers: Pick<Clock, 'after'> = systemClock,
): SamLink {
  const tap = logFrames(frameLog);
  const deframer = createStreamDeframer();
  let pending: ((reply: Reply) => void) | null = null;
  let framing: DeframeEvent[] = [];

  const unsubscribe = transport.onData((chunk) => {
    for (const event of deframer.push(chunk)) {
      tap.event(event);
      if (event.type !== 'frame') {
        framing.push(event);
        continue;
      }
      const reply = parseReply(event.body);
      if (reply !== null && pending !== null) {
        const resolve = pending;
        pending = null;
        resolve(reply);
      }
    }
  });

  return {
    async request(command, timeoutMs) {
      if (pending !== null) return err('busy', 'a request is already waiting for its reply');
      deframer.reset();
      let settle: (outcome: Outcome) => void = () => undefined;
      const outcome = new Promise<Outcome>((resolve) => (settle = resolve));
      let finished = false;
      const done = (o: Outcome): void => {
        if (finished) return;
        finished = true;
        cancel();
        // Only this request's own receiver: a timer left by an earlier request never clears a later one's.
        if (pending === receive) pending = null;
        settle(o);
      };
      const receive = (reply: Reply): void => done({ kind: 'reply', reply });
      pending = receive;
      // The limit covers the write too: a port whose write never drains (an adapter stalled, a PTY
      // whose other end went away) answers `timeout` instead of holding the reader forever.
      const cancel = timers.after(timeoutMs, () => done({ kind: 'timeout' }));
      tap.command(command);
      transport.write(command).catch((cause: unknown) =>
        done({
          kind: 'write_failed',
          message: cause instanceof Error ? cause.message : String(cause),
        }),
      );
      const o = await outcome;
      switch (o.kind) {
        case 'reply':
          return ok(o.reply);
        case 'timeout':
          return err('timeout', `no reply within ${timeoutMs} ms`);
        case 'write_failed':
          return err('write_failed', o.message);
      }
    },
    takeFramingEvents() {
      const taken = framing;
      framing = [];
      return taken;
    },
    dispose() {
      unsubscribe();
    },
  };
}
