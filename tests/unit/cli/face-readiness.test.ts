import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faceCheck } from '../../../electron/cli/readiness';
import { defaultConfig } from '../../../electron/config/default';
import { kioskConfigSchema, type KioskConfig } from '../../../electron/config/schema';
import { FACE_MODELS, FACE_WASM, faceFiles } from '../../../electron/face/engine';

const config = (patch: Record<string, unknown>): KioskConfig =>
  kioskConfigSchema.parse({ ...defaultConfig, ...patch });

/** A dist/electron folder with the engine's files in place (empty: only their presence counts here). */
function engineDir(): string {
  const dist = join(mkdtempSync(join(tmpdir(), 'face-dist-')), 'electron');
  const files = faceFiles(dist);
  mkdirSync(dist, { recursive: true });
  mkdirSync(files.models, { recursive: true });
  mkdirSync(files.wasm, { recursive: true });
  writeFileSync(files.worker, '');
  for (const f of FACE_MODELS) writeFileSync(join(files.models, f), Buffer.alloc(1024 * 1024));
  for (const f of FACE_WASM) writeFileSync(join(files.wasm, f), '');
  return dist;
}

const camera = { id: 'camera-1', kind: 'camera', transport: { type: 'uvc' } };
const readerWithDecoder = {
  id: 'idcard-1',
  kind: 'idcard',
  transport: { type: 'simulated' },
  options: { photoDecoder: { command: '/opt/wlt/wlt2bmp', args: [] } },
};

describe('readiness: the face check and photo line', () => {
  it('says the feature is off, and that the window does both', () => {
    expect(faceCheck(config({}), '/nonexistent')).toMatchObject({
      ok: true,
      detail: expect.stringContaining('off'),
    });
  });

  it('fails when it is on but the engine files, or the camera, are missing — and says what the citizen gets instead', () => {
    const on = config({ face: { enabled: true }, devices: [camera] });
    const missing = faceCheck(on, '/nonexistent');
    expect(missing).toMatchObject({ ok: false, level: 'fail' });
    expect(missing.detail).toContain('engine file(s) are missing');
    expect(missing.detail).toContain('go to the window');
    const noCamera = faceCheck(config({ face: { enabled: true } }), engineDir());
    expect(noCamera).toMatchObject({ ok: false, detail: expect.stringContaining('no camera') });
  });

  it('warns that 人证核验 cannot run without the card photo decoder, and is ok with it', () => {
    const dist = engineDir();
    const noDecoder = faceCheck(config({ face: { enabled: true }, devices: [camera] }), dist);
    expect(noDecoder).toMatchObject({ ok: true, level: 'warn' });
    expect(noDecoder.detail).toContain('no WLT photo decoder');
    const full = faceCheck(
      config({ face: { enabled: true, threshold: 0.6 }, devices: [readerWithDecoder, camera] }),
      dist,
    );
    expect(full).toMatchObject({ ok: true, level: 'ok' });
    expect(full.detail).toBe('camera camera-1, models 8.0 MB, threshold 0.6, 3 tries');
  });
});
