import type { Clock } from '../../../core/clock';
import type { ByteTransport } from '../transport/byte-transport';
import { err, ok, type Result } from '../../../core/result';
import type { FrameLog } from '../frame-log';
import {
  encodeCommand,
  formatSamId,
  readerStatus,
  type CommandName,
  type ReaderStatus,
} from './codec';
import type { Identity } from '../../../core/identity';
import { createSamLink, type SamLink } from './sam-link';
import { parseTextBlock, TEXT_BLOCK_BYTES } from './text-block';

export type IdCardEvent =
  | { readonly type: 'card-present' }
  | { readonly type: 'card-read'; readonly identity: Identity; readonly photo: Uint8Array }
  | { readonly type: 'card-removed' }
  /** The reader answers again after an error. */
  | { readonly type: 'recovered' }
  | { readonly type: 'error'; readonly code: string; readonly message: string };

const hexKey = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The read reply's data: two lengths, the 256-byte text block, the photo.
 * `read_failed` when the lengths do not add up, `card_data_invalid` when the
 * text block does not parse.
 */
function decodeReadReply(
  data: Uint8Array,
  today: string,
): Result<{ identity: Identity; photo: Uint8Array }> {
  const textLength = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
  const photoLength = ((data[2] ?? 0) << 8) | (data[3] ?? 0);
  if (textLength !== TEXT_BLOCK_BYTES || data.length < 4 + textLength + photoLength)
    return err('read_failed', `unexpected read lengths ${textLength}/${photoLength}`);
  const parsed = parseTextBlock(data.subarray(4, 4 + textLength), today);
  if (!parsed.ok) return err('card_data_invalid', parsed.error.message);
  const photo = data.slice(4 + textLength, 4 + textLength + photoLength);
  return ok({ identity: { ...parsed.value, hasPhoto: photo.length > 0 }, photo });
}

/** Problems of the reader or its cable, as opposed to the card on it. */
const LINK_FAULTS: ReadonlySet<string> = new Set(['timeout', 'write_failed', 'busy']);

export interface IdCardReaderOptions {
  readonly frameLog?: FrameLog;
  readonly pollIntervalMs: number;
  readonly replyTimeoutMs: number;
  /** Consecutive "no card" answers after a read before the card counts as taken away. */
  readonly missesForRemoval: number;
  readonly today: () => string;
  /** The pause between polls runs on it: a test moves time instead of waiting. */
  readonly clock: Pick<Clock, 'after'>;
}

export const defaultReaderOptions: Omit<IdCardReaderOptions, 'today' | 'clock'> = {
  pollIntervalMs: 300,
  replyTimeoutMs: 1500,
  missesForRemoval: 2,
};

/** What a technician's test read proves, with nothing personal in it. */
export interface TestRead {
  readonly kind: Identity['kind'];
  readonly textBytes: number;
  readonly photoBytes: number;
}

export interface IdCardReader {
  /** The SAM module's id, for diagnostics; waits for the poll in progress. */
  readSamId(): Promise<Result<string>>;
  /**
   * Finds, selects and reads the card on the reader once, for the technician's
   * self-test: says whether it parsed, never what it says. Emits no events, so
   * the card is not taken for a citizen's.
   */
  testRead(): Promise<Result<TestRead>>;
  /**
   * The card lying on the reader is read again at the next poll and
   * announced as `card-read`: a citizen who put the card down before
   * starting is not asked to lift it and place it again.
   */
  reread(): void;
  start(): void;
  stop(): Promise<void>;
  onEvent(listener: (event: IdCardEvent) => void): () => void;
}

type Step = { status: ReaderStatus; data: Uint8Array } | { failure: string; message: string };

/** The reader's commands over its SAM link; the poll and the technician's test read share them. */
function samCommands(link: SamLink, options: IdCardReaderOptions) {
  const send = async (name: CommandName): Promise<Step> => {
    const reply = await link.request(encodeCommand(name), options.replyTimeoutMs);
    if (!reply.ok) return { failure: reply.error.code, message: reply.error.message };
    return { status: readerStatus(reply.value.sw3), data: reply.value.data };
  };

  /** A command that must answer `ok`: its data, or why not (`<what> failed` for a bad status). */
  const sendExpectingOk = async (name: CommandName, what: string): Promise<Result<Uint8Array>> => {
    const step = await send(name);
    if ('failure' in step) return err(step.failure, step.message);
    return step.status === 'ok' ? ok(step.data) : err(step.status, `${what} failed`);
  };
  /** Reads the selected card: its identity and photo bytes. The poll and the self-test share it. */
  const readText = async (): Promise<Result<{ identity: Identity; photo: Uint8Array }>> => {
    const read = await sendExpectingOk('readText', 'read card');
    return read.ok ? decodeReadReply(read.value, options.today()) : read;
  };
  const testRead = async (): Promise<Result<TestRead>> => {
    const found = await send('findCard');
    if ('failure' in found) return err(found.failure, found.message);
    if (found.status === 'no_card') return err('no_card', 'no card on the reader');
    if (found.status !== 'card_found') return err(found.status, 'find card failed');
    const selected = await sendExpectingOk('selectCard', 'select card');
    if (!selected.ok) return selected;
    const card = await readText();
    if (!card.ok) return card;
    return ok({
      kind: card.value.identity.kind,
      textBytes: TEXT_BLOCK_BYTES,
      photoBytes: card.value.photo.length,
    });
  };

  const readSamId = async (): Promise<Result<string>> => {
    const reply = await link.request(encodeCommand('readSamId'), options.replyTimeoutMs);
    if (!reply.ok) return reply;
    if (readerStatus(reply.value.sw3) !== 'ok')
      return err(readerStatus(reply.value.sw3), 'SAM id not available');
    const id = formatSamId(reply.value.data);
    return id === null ? err('bad_reply', 'SAM id reply too short') : ok(id);
  };
  return { send, sendExpectingOk, readText, testRead, readSamId };
}

/** Runs the works given to it one after another, a failed one not stopping the next. */
function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let busy: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = busy.then(work, work);
    busy = run.catch(() => undefined);
    return run;
  };
}

/**
 * Polls find → select → read. A card left on the reader is read once; it
 * counts as removed after `missesForRemoval` empty polls. Errors are reported
 * once per distinct cause, not on every poll.
 */
export function createIdCardReader(
  transport: ByteTransport,
  options: IdCardReaderOptions,
): IdCardReader {
  const link = createSamLink(transport, options.frameLog, options.clock);
  const { send, sendExpectingOk, readText, testRead, readSamId } = samCommands(link, options);
  const listeners = new Set<(event: IdCardEvent) => void>();
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let cardRead = false;
  /** The select reply of the card last read, when the reader reports one. */
  let readKey: string | null = null;
  let presentAnnounced = false;
  let misses = 0;
  let lastError: string | null = null;

  const emit = (event: IdCardEvent): void => {
    if (event.type === 'error') {
      if (lastError === event.code) return;
      lastError = event.code;
    } else if (event.type !== 'card-present') {
      lastError = null;
    }
    for (const listener of listeners) listener(event);
  };

  const fail = (error: { code: string; message: string }): void =>
    emit({ type: 'error', code: error.code, message: error.message });

  const readCard = async (cardKey: string | null): Promise<void> => {
    const card = await readText();
    if (!card.ok) return fail(card.error);
    cardRead = true;
    readKey = cardKey;
    emit({ type: 'card-read', ...card.value });
  };

  const poll = async (): Promise<void> => {
    const found = await send('findCard');
    if ('failure' in found)
      return emit({ type: 'error', code: found.failure, message: found.message });
    // Errors are reported once; a healthy answer after a link fault says the reader is back.
    if (
      lastError !== null &&
      LINK_FAULTS.has(lastError) &&
      (found.status === 'card_found' || found.status === 'no_card')
    ) {
      emit({ type: 'recovered' });
    }
    if (found.status === 'card_found') {
      misses = 0;
      const selected = await sendExpectingOk('selectCard', 'select card');
      if (!selected.ok) return fail(selected.error);
      // The select reply carries the card's own number where the reader gives it: a card
      // swapped faster than the removal debounce is still told apart from the one already read.
      const key = selected.value.some((b) => b !== 0) ? hexKey(selected.value) : null;
      if (cardRead && (key === null || key === readKey)) return;
      if (cardRead) {
        cardRead = false;
        emit({ type: 'card-removed' });
        presentAnnounced = false;
      }
      // Announce a card once per placement, even when reading it takes several tries.
      if (!presentAnnounced) emit({ type: 'card-present' });
      presentAnnounced = true;
      return readCard(key);
    }
    if (found.status === 'no_card') {
      misses += 1;
      if (misses < options.missesForRemoval) return;
      // A card that failed to read was taken away: its next placement may be reported again.
      if (lastError !== null && !LINK_FAULTS.has(lastError)) lastError = null;
      // Whatever lay there — read, unreadable, or waiting to be read again — is gone: say so
      // once, or the kiosk would believe a card still lies on the reader.
      if (cardRead || presentAnnounced) {
        cardRead = false;
        presentAnnounced = false;
        emit({ type: 'card-removed' });
      }
      return;
    }
    return emit({ type: 'error', code: found.status, message: 'find card failed' });
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const cancel = options.clock.after(ms, resolve);
      wake = () => {
        cancel();
        resolve();
      };
    });

  // readSamId and the poll loop share the link, which takes one request at a time.
  const exclusive = oneAtATime();

  return {
    testRead: () => exclusive(testRead),
    reread() {
      cardRead = false;
      readKey = null;
      wake?.();
    },
    readSamId: () => exclusive(readSamId),
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          await exclusive(poll);
          if (running) await sleep(options.pollIntervalMs);
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      link.dispose();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
