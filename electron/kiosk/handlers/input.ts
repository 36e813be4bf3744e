import { ok } from '../../../core/result';
import type { HandlerGroup, KioskContext } from '../context';

/**
 * Ways in and out besides the touch screen: the handwriting pad for what the
 * keyboard's pinyin cannot type, and the kiosk's own voice for what the
 * system cannot say.
 */
export function inputHandlers(
  ctx: Pick<KioskContext, 'handwriting' | 'speech'>,
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
