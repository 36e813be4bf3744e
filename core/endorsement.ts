import { z } from 'zod';
import { addDays } from '../base/dates';

/**
 * 再次签注 finished at the kiosk, as a 自助签注机 does: who may have it here,
 * and what the back office is asked for. Everyone else applies as before and
 * the window decides.
 *
 * Here only where all of these hold:
 * - individual or group tourism (G, L): the kinds a 自助签注机 issues on the spot
 *   (the item's time limit says 当场 for them alone; a family visit, business,
 *   other or stay endorsement needs its proof examined at the window);
 * - a repeat endorsement: the same kind was had before (a first one of a kind is
 *   examined at the window);
 * - the permit outlives the endorsement asked for: an endorsement is made on the
 *   permit (《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第二十二条: each
 *   trip on the 往来港澳通行证 needs its endorsement), so it cannot run past it;
 * - 人证核验 passed at this kiosk, and the fee was paid here.
 */

/** The answers the endorsement item asks (rules/services/hk-macau-endorsement.json), parsed at this edge. */
const answersSchema = z.object({
  permitNumber: z.string().regex(/^[Cc][0-9A-Za-z]{8}$/),
  permitValidTo: z.iso.date(),
  endorsementType: z.enum(['G', 'L', 'T', 'S', 'Q', 'D']),
  previousSameKind: z.enum(['yes', 'no']),
  destination: z.enum(['HK', 'MO', 'both']),
  trips: z.enum(['3m-1', '3m-2', '3m-multi', '1y-1', '1y-2', '1y-multi']),
});

export interface EndorsementRequest {
  readonly permitNumber: string;
  readonly kind: z.output<typeof answersSchema>['endorsementType'];
  readonly destination: z.output<typeof answersSchema>['destination'];
  readonly trips: string;
}

/** Why the kiosk does not finish it (the slip says so, and the window takes it). */
export type NotHere =
  | 'not_tourism'
  | 'first_of_kind'
  | 'permit_too_short'
  | 'not_verified'
  | 'not_paid'
  | 'answers_incomplete';

/** The last day an endorsement asked for today would be valid (3 months or 1 year). */
export function endorsementEnds(today: string, trips: string): string {
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
  const months = trips.startsWith('3m') ? 3 : 12;
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  return addDays(end.toISOString().slice(0, 10), -1);
}

export function endorsementHere(
  answers: Readonly<Record<string, string>>,
  today: string,
  facts: {
    readonly identityCheck: 'passed' | 'failed' | 'not_possible' | null;
    readonly paid: boolean;
  },
): { ok: true; request: EndorsementRequest } | { ok: false; why: NotHere } {
  const parsed = answersSchema.safeParse(answers);
  if (!parsed.success) return { ok: false, why: 'answers_incomplete' };
  const a = parsed.data;
  if (a.endorsementType !== 'G' && a.endorsementType !== 'L')
    return { ok: false, why: 'not_tourism' };
  if (a.previousSameKind !== 'yes') return { ok: false, why: 'first_of_kind' };
  if (a.permitValidTo < endorsementEnds(today, a.trips))
    return { ok: false, why: 'permit_too_short' };
  if (facts.identityCheck !== 'passed') return { ok: false, why: 'not_verified' };
  if (!facts.paid) return { ok: false, why: 'not_paid' };
  return {
    ok: true,
    request: {
      permitNumber: a.permitNumber.toUpperCase(),
      kind: a.endorsementType,
      destination: a.destination,
      trips: a.trips,
    },
  };
}
