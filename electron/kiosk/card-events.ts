import { cardProblemOf } from '../devices/idcard/card-problem';
import type { DeviceManager } from '../devices/manager';
import type { Logger } from '../shared/log';
import type { KioskEventListener } from './context';
import type { SessionKeeper } from './session';

/**
 * The ID card reader's events, for the screen: a card put down, read (into
 * the citizen's session, if one is open), lifted, or refused. Returns whether
 * a card lies on the reader now.
 */
export function forwardCardEvents(
  devices: DeviceManager,
  sessions: SessionKeeper,
  emit: KioskEventListener,
  log: Logger,
): () => boolean {
  let cardOnReader = false;
  devices.onIdCard((deviceId, event) => {
    switch (event.type) {
      case 'card-present':
        cardOnReader = true;
        emit('cardPresent', {});
        return;
      case 'card-read': {
        const session = sessions.current();
        // The raw WLT bytes are not kept: the decoded picture (if any) is all the screen needs.
        event.photo.fill(0);
        // A card read outside a session belongs to nobody at the screen: drop it.
        if (session === null) {
          event.image?.bytes.fill(0);
          return;
        }
        session.cardImage?.bytes.fill(0);
        session.identity = event.identity;
        session.cardImage = event.image;
        log.info('idcard.read', { device: deviceId, kind: event.identity.kind });
        emit('cardRead', { identity: event.identity });
        return;
      }
      case 'card-removed':
        cardOnReader = false;
        emit('cardRemoved', {});
        return;
      case 'error':
        emit('cardError', { problem: cardProblemOf(event.code) });
        return;
      case 'recovered':
        return;
    }
  });
  return () => cardOnReader;
}
