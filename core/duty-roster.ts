import { z } from 'zod';

/**
 * 首接责任制: who answers for an application after the citizen leaves. A
 * station may give its duty officers' phone by weekday and hours; the slip
 * names the one on duty when it was submitted. Times are China time (UTC+8),
 * the station's own.
 */
export const dutyShiftSchema = z.strictObject({
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)).min(1),
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  /** Exclusive; `24:00` for the end of the day. A shift past midnight is two entries. */
  to: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM'),
  phone: z.string().min(3).max(32),
});
export type DutyShift = z.output<typeof dutyShiftSchema>;

const CHINA_OFFSET_MS = 8 * 3600_000;

/** The duty phone at `at` (the first shift that covers it), or null when none does. */
export function dutyPhoneAt(roster: readonly DutyShift[], at: Date): string | null {
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  const weekday = ((china.getUTCDay() + 6) % 7) + 1;
  const minutes = china.getUTCHours() * 60 + china.getUTCMinutes();
  const toMinutes = (hhmm: string): number => {
    const [h = 0, m = 0] = hhmm.split(':').map(Number);
    return h * 60 + m;
  };
  const shift = roster.find(
    (s) => s.days.includes(weekday) && toMinutes(s.from) <= minutes && minutes < toMinutes(s.to),
  );
  return shift?.phone ?? null;
}
