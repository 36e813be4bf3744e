import { spawn } from 'node:child_process';
import { err, ok, type Result } from '../../../core/result';

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
 */
export function externalPhotoDecoder(config: PhotoDecoderConfig): PhotoDecoder {
  return (wlt) =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const finish = (result: Result<CardImage>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (!result.ok) for (const chunk of chunks) chunk.fill(0);
        resolve(result);
      };
      const child = spawn(config.command, [...config.args], {
        stdio: ['pipe', 'pipe', 'ignore'],
        shell: false,
        windowsHide: true,
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(err('photo_decoder_timeout', `no picture within ${config.timeoutMs} ms`));
      }, config.timeoutMs);
      child.on('error', (cause) => finish(err('photo_decoder_failed', cause.message)));
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_CARD_IMAGE_BYTES) {
          child.kill('SIGKILL');
          finish(err('photo_decoder_failed', `more than ${MAX_CARD_IMAGE_BYTES} bytes of output`));
          return;
        }
        chunks.push(chunk);
      });
      child.on('close', (code) => {
        if (code !== 0) return finish(err('photo_decoder_failed', `decoder exited with ${code}`));
        const bytes = Buffer.concat(chunks);
        for (const chunk of chunks) chunk.fill(0);
        const mediaType = cardImageType(bytes);
        if (mediaType === null) {
          bytes.fill(0);
          return finish(err('photo_decoder_failed', 'decoder output is not a PNG, JPEG or BMP'));
        }
        finish(ok({ mediaType, bytes }));
      });
      // A decoder that exits without reading its input must not crash the kiosk (EPIPE).
      child.stdin.on('error', () => undefined);
      child.stdin.end(wlt);
    });
}
