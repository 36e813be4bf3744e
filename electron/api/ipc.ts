import { ipcMain, type WebContents } from 'electron';
import { isKioskUrl } from '../shell/origin';
import { err } from '../../core/result';
import type { EventName, EventPayload } from '../../core/api/contract';
import type { Dispatch } from './dispatch';
import { EVENT_CHANNEL, METHOD_NAMES, methodChannel } from '../../core/api/names';

/**
 * One `ipcMain.handle` per contract method. The sender must be the kiosk's own
 * page (not an injected frame or a navigated-away page); input is validated by
 * the shared dispatch.
 */
export function bindIpc(dispatch: Dispatch): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(methodChannel(name), async (event, input: unknown) => {
      if (!isKioskUrl(event.senderFrame?.url)) {
        return err('forbidden', 'IPC from a frame that is not the kiosk page');
      }
      return dispatch(name, input);
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(methodChannel(name));
  };
}

/** Forwards service events to the kiosk window, if it is alive and still on the kiosk page. */
export function forwardEvents(target: () => WebContents | null) {
  return <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    const contents = target();
    if (contents === null || contents.isDestroyed() || !isKioskUrl(contents.getURL())) return;
    contents.send(EVENT_CHANNEL, { event, payload });
  };
}
