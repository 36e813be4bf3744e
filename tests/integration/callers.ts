import type { Caller } from '../../core/api/contract';

/** Who calls a handler directly, as dispatch would pass it. */
export const CITIZEN: Caller = { role: 'citizen' };
export const TECHNICIAN: Caller = { role: 'technician' };
