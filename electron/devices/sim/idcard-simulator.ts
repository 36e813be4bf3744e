import { createHash } from 'node:crypto';
import { Command, createStreamDeframer, encodeReply, parseCommand } from '../idcard/codec';
import type { ByteTransport } from '../transport/byte-transport';
import { encodeTextBlock } from './text-block-encoder';
import type { SampleCard } from './sample-cards';

const PHOTO_BYTES = 1024;

/** Faults a technician or a test can switch on, each like something real readers do. */
export interface IdCardFaults {
  /** The card is there but reading it fails (SW3 41): dirty card, moved too early. */
  readFailure: boolean;
  /** Noise on the line before every reply. */
  garbage: boolean;
  /** Replies arrive in small pieces, as over a slow USB-serial bridge. */
  splitFrames: boolean;
  /** Milliseconds before each reply: a slow or overloaded reader. */
  delayMs: number;
  /** No replies at all: the reader hangs or lost power. */
  silent: boolean;
}

export interface IdCardSimulator {
  placeCard(card: SampleCard): void;
  removeCard(): void;
  readonly faults: IdCardFaults;
  /** Find-card polls answered so far: tests wait for the reader to have polled, not for time to pass. */
  readonly polls: number;
  dispose(): void;
}

const is = (cmd: number, para: number, name: keyof typeof Command): boolean =>
  Command[name][0] === cmd && Command[name][1] === para;

/**
 * A SAM reader with a card slot, speaking the wire protocol on its end of a
 * transport. Demo mode and tests drive it by placing and removing cards.
 */
export function createIdCardSimulator(
  port: ByteTransport,
  options: { readonly swapGapPolls: number } = { swapGapPolls: 3 },
): IdCardSimulator {
  let card: {
    readonly text: Uint8Array;
    readonly photo: Uint8Array;
    readonly serial: Uint8Array;
  } | null = null;
  const faults: IdCardFaults = {
    readFailure: false,
    garbage: false,
    splitFrames: false,
    delayMs: 0,
    silent: false,
  };
  // Swapping one card for another lifts the first off the field for a moment;
  // so does taking a card off and putting one back: a hand cannot do it
  // faster than a few polls, and the reader must see the field empty.
  let liftedPolls = 0;
  let emptyPollsSinceRemoval = Number.POSITIVE_INFINITY;
  const deframer = createStreamDeframer();

  let polls = 0;
  const answer = (cmd: number, para: number): Uint8Array => {
    if (is(cmd, para, 'findCard')) {
      polls += 1;
      if (liftedPolls > 0) {
        liftedPolls -= 1;
        return encodeReply(0x80);
      }
      if (card === null) emptyPollsSinceRemoval += 1;
      return card ? encodeReply(0x9f, new Uint8Array(4)) : encodeReply(0x80);
    }
    if (is(cmd, para, 'selectCard'))
      return card ? encodeReply(0x90, card.serial) : encodeReply(0x81);
    if (is(cmd, para, 'readText')) {
      if (card === null || faults.readFailure) return encodeReply(0x41);
      const data = new Uint8Array(4 + card.text.length + card.photo.length);
      data.set([0x01, 0x00, PHOTO_BYTES >> 8, PHOTO_BYTES & 0xff], 0);
      data.set(card.text, 4);
      data.set(card.photo, 4 + card.text.length);
      return encodeReply(0x90, data);
    }
    if (is(cmd, para, 'samStatus') || is(cmd, para, 'resetSam')) return encodeReply(0x90);
    if (is(cmd, para, 'readSamId'))
      return encodeReply(
        0x90,
        Uint8Array.from({ length: 16 }, (_, i) => i + 1),
      );
    return encodeReply(0x21);
  };

  const send = async (reply: Uint8Array): Promise<void> => {
    if (faults.silent) return;
    // A simulated device is slow in the machine's time, as a real one on the wire is.
    // eslint-disable-next-line no-restricted-syntax
    if (faults.delayMs > 0) await new Promise((r) => setTimeout(r, faults.delayMs));
    if (faults.garbage) await port.write(Uint8Array.of(0x00, 0xaa, 0x96, 0x13, 0xaa, 0xaa, 0x55));
    if (!faults.splitFrames) return port.write(reply);
    for (let at = 0; at < reply.length; at += 7) {
      await port.write(reply.subarray(at, at + 7));
      // A real gap on the wire between the pieces, so the reader gets them as separate chunks.
      // eslint-disable-next-line no-restricted-syntax
      await new Promise((r) => setTimeout(r, 1));
    }
  };

  const unsubscribe = port.onData((chunk) => {
    for (const event of deframer.push(chunk)) {
      if (event.type === 'frame') {
        const command = parseCommand(event.body);
        void send(command === null ? encodeReply(0x11) : answer(command.cmd, command.para)).catch(
          () => undefined,
        );
      } else if (event.type === 'bad-checksum') {
        void send(encodeReply(0x10)).catch(() => undefined);
      }
    }
  });

  return {
    faults,
    get polls() {
      return polls;
    },
    placeCard(sample) {
      if (card !== null) liftedPolls = options.swapGapPolls;
      else liftedPolls = Math.max(0, options.swapGapPolls - emptyPollsSinceRemoval);
      // A stand-in for the WLT photo: fixed bytes, so reads are repeatable.
      const photo = Uint8Array.from({ length: PHOTO_BYTES }, (_, i) => (i * 7) & 0xff);
      // Each card answers select with its own 8-byte number, as real cards do.
      const serial = createHash('sha256').update(sample.id).digest().subarray(0, 8);
      card = {
        text: encodeTextBlock(sample.kind, sample.fields),
        photo,
        serial: new Uint8Array(serial),
      };
    },
    removeCard() {
      if (card !== null) emptyPollsSinceRemoval = 0;
      card = null;
    },
    dispose() {
      unsubscribe();
    },
  };
}
