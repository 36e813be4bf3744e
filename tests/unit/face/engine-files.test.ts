import { describe, expect, it } from 'vitest';
import { faceFiles } from '../../../electron/face/engine';

describe('where the face engine’s files are', () => {
  it('beside the built main process in a checkout', () => {
    expect(faceFiles('/work/kiosk/dist/electron')).toEqual({
      worker: '/work/kiosk/dist/electron/face-worker.cjs',
      models: '/work/kiosk/dist/face/models',
      wasm: '/work/kiosk/dist/face/wasm',
    });
  });
  it('unpacked beside app.asar in a package: a worker thread and WASM load real files', () => {
    expect(faceFiles('/opt/police-kiosk/resources/app.asar/dist/electron')).toEqual({
      worker: '/opt/police-kiosk/resources/app.asar.unpacked/dist/electron/face-worker.cjs',
      models: '/opt/police-kiosk/resources/app.asar.unpacked/dist/face/models',
      wasm: '/opt/police-kiosk/resources/app.asar.unpacked/dist/face/wasm',
    });
  });
});
