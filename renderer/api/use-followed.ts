import { useEffect } from 'react';
import type { EventName, EventPayload } from '../../core/api/contract';
import type { Result } from '../../core/result';
import { kiosk } from './kiosk';

/**
 * Keeps a renderer store in step with a value the main process owns: read it once,
 * then follow its event. An event that arrives before the read answers is newer,
 * so the read's (older) answer is then dropped.
 */
export function useFollowed<E extends EventName>(
  event: E,
  read: () => Promise<Result<EventPayload<E>, unknown>>,
  set: (value: EventPayload<E>) => void,
): void {
  useEffect(() => {
    let heard = false;
    void read().then((r) => {
      if (r.ok && !heard) set(r.value);
    });
    return kiosk.on(event, (value) => {
      heard = true;
      set(value);
    });
    // `read` is a fresh arrow on each render; what is followed is the event and the setter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [event, set]);
}
