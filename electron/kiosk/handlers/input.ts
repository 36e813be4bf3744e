import { ok } from '../../../core/result';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type InputDeps = Pick<KioskParts, 'handwriting' | 'speech'>;

/**
 * Ways in and out besides the touch screen: the handwriting pad for what the
 * keyboard's pinyin cannot type, and the kiosk's own voice for what the
 * system cannot say.
 */
export function inputHandlers(
  ctx: InputDeps,
): HandlerGroup<'recognizeHandwriting' | 'synthesizeSpeech'> {
  return {
    async recognizeHandwriting({ strokes }) {
      const recognized = await ctx.handwriting.recognize(strokes);
      return recognized.ok ? ok({ candidates: recognized.value }) : recognized;
    },
    async synthesizeSpeech({ text, locale, personal }) {
      const said = await ctx.speech.synthesize(text, locale, personal);
      return said.ok
        ? ok({
            mediaType: 'audio/wav' as const,
            base64: Buffer.from(said.value).toString('base64'),
          })
        : said;
    },
  };
}
