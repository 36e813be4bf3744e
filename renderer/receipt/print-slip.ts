import type { PrintOutcome, Slip } from '../../core/slip';
import { slipLines } from '../../core/slip-lines';
import { kiosk } from '../api/kiosk';
import { isFullLocale, type Locale } from '../i18n/locale';
import { useJourney } from '../state/journey';
import { drawTranslation } from './draw-translation';

/**
 * Prints the slip: in Chinese, and for a citizen who applied in Uyghur or
 * Tibetan with their language drawn under it. A drawing that fails still
 * prints the Chinese slip the window needs.
 */
export async function printSlip(slip: Slip, locale: Locale): Promise<PrintOutcome> {
  const translation = isFullLocale(locale)
    ? null
    : await drawTranslation(slipLines(slip, locale), locale).catch(() => null);
  const result = await kiosk.printSlip({ translation });
  return result.ok ? result.value : { status: 'failed', problem: result.error.code };
}

/** Prints, and keeps how it went with the slip it was for: by then the session may have moved on. */
export async function printAndKeep(slip: Slip, locale: Locale): Promise<void> {
  const print = await printSlip(slip, locale);
  const journey = useJourney.getState();
  if (journey.slip?.applicationNo === slip.applicationNo)
    journey.setSlip({ ...journey.slip, print });
}
