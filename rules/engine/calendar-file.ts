import { z } from 'zod';

/**
 * `rules/calendar/holidays-<year>.json`: one year of the State Council's
 * arrangement, part of the signed rule bundle so a new year's schedule needs no
 * software release. `provisional`: statutory days only, 调休 not yet published.
 */
export const calendarYearSchema = z
  .strictObject({
    $schema: z.string().optional(),
    year: z.number().int().min(2000).max(2100),
    provisional: z.boolean().optional(),
    /** The notice it was entered from (国办发明电〔…〕…号), or why it is provisional. */
    source: z.string().min(1),
    holidays: z.array(z.iso.date()),
    workdays: z.array(z.iso.date()),
  })
  .refine((f) => [...f.holidays, ...f.workdays].every((d) => d.startsWith(`${f.year}-`)), {
    message: "every date must fall in the file's year",
  });

export type CalendarYearFile = z.output<typeof calendarYearSchema>;
