import { err, ok, type Result } from '../../../core/result';
import { describeFailure, newestWins, runBounded } from '../../shared/bounded-process';

export type CardImageType = 'image/png' | 'image/jpeg' | 'image/bmp';

/** The card's photo as a picture the screen can show. Personal data: never logged, zeroed with the session. */
export interface CardImage {
  readonly mediaType: CardImageType;
  readonly bytes: Buffer;
}

export type PhotoDecoder = (wlt: Uint8Array) => Promise<Result<CardImage>>;

export interface PhotoDecoderConfig {
  readonly command: string;
  readonly args: readonly string[];
  readonly timeoutMs: number;
}

/** A portrait from a card is a few tens of KB; anything far larger is not one. */
export const MAX_CARD_IMAGE_BYTES = 512 * 1024;

/** What a decoder wrote, by its first bytes; null when it is none of the pictures we show. */
export function cardImageType(bytes: Uint8Array): CardImageType | null {
  const starts = (...head: number[]): boolean => head.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x42, 0x4d) && bytes.length > 54) return 'image/bmp';
  return null;
}

/**
 * Runs a station's licensed WLT decoder as a separate program (no shell): the
 * WLT bytes go to its stdin, the picture comes from its stdout. A decoder that
 * fails, hangs or writes something else is reported and the screen keeps its
 * placeholder; the card's text is never held up for longer than the timeout.
 * One decode at a time, a newer card's cancelling an older one's, and on
 * timeout the decoder's whole process group is killed (no orphans).
 */
export function externalPhotoDecoder(config: PhotoDecoderConfig): PhotoDecoder {
  const oneAtATime = newestWins();
  return async (wlt) => {
    const run = await oneAtATime(() =>
      runBounded({
        command: config.command,
        args: config.args,
        input: wlt,
        timeoutMs: config.timeoutMs,
        maxOutputBytes: MAX_CARD_IMAGE_BYTES,
      }),
    );
    if (!run.ok)
      return err(
        run.error.kind === 'timeout' ? 'photo_decoder_timeout' : 'photo_decoder_failed',
        describeFailure(run.error),
      );
    const bytes = run.value;
    const mediaType = cardImageType(bytes);
    if (mediaType === null) {
      bytes.fill(0);
      return err('photo_decoder_failed', 'decoder output is not a PNG, JPEG or BMP');
    }
    return ok({ mediaType, bytes });
  };
}
