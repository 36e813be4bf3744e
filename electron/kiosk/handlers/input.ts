import { ok } from '../../../core/result';
import type { HandlerGroup, KioskContext } from '../context';

/** Ways to type what the on-screen keyboard's pinyin cannot: the handwriting pad. */
export function inputHandlers(ctx: KioskContext): HandlerGroup<'recognizeHandwriting'> {
  return {
    async recognizeHandwriting({ strokes }) {
      const recognized = await ctx.handwriting.recognize(strokes);
      return recognized.ok ? ok({ candidates: recognized.value }) : recognized;
    },
  };
}
