import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_CHANNEL,
  EVENT_NAMES,
  METHOD_NAMES,
  methodChannel,
  type EventName,
} from '../core/api/names';

/**
 * Exposes `window.kiosk`: one function per contract method and `on(event, fn)`.
 * The page never sees ipcRenderer, so it cannot reach any channel we did not
 * declare.
 */
type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>(EVENT_NAMES.map((name) => [name, new Set()]));

ipcRenderer.on(
  EVENT_CHANNEL,
  (_event: IpcRendererEvent, message: { event: EventName; payload: unknown }) => {
    for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
  },
);

const api: Record<string, unknown> = {
  on(event: EventName, listener: Listener): () => void {
    const set = listeners.get(event);
    if (set === undefined || typeof listener !== 'function') return () => undefined;
    set.add(listener);
    return () => set.delete(listener);
  },
};
for (const name of METHOD_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke(methodChannel(name), input);
}

contextBridge.exposeInMainWorld('kiosk', api);
