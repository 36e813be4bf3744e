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
      const reply = new Promise<Reply | null>((resolve) => {
        const cancel = timers.after(timeoutMs, () => {
          pending = null;
          resolve(null);
        });
        pending = (r) => {
          cancel();
          resolve(r);
        };
      });
      try {
        tap.command(command);
        await transport.write(command);
      } catch (cause) {
        pending = null;
        return err('write_failed', cause instanceof Error ? cause.message : String(cause));
      }
      const answer = await reply;
      return answer === null ? err('timeout', `no reply within ${timeoutMs} ms`) : ok(answer);
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
