import { sleep } from '../../sleep';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cardImageType,
  externalPhotoDecoder,
} from '../../../electron/devices/managed/photo-decoder';

const FAKE_DECODER = join(__dirname, '..', '..', 'fixtures', 'fake-wlt-decoder.mjs');
const wlt = new Uint8Array(1024).map((_, i) => (i * 7) & 0xff);
const node = (args: string[], timeoutMs = 3000) =>
  externalPhotoDecoder({ command: process.execPath, args, timeoutMs });

describe('the card photo decoder (a separate licensed program)', () => {
  it('tells PNG, JPEG and BMP by their first bytes, and nothing else', () => {
    expect(cardImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(
      'image/png',
    );
    expect(cardImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(cardImageType(Uint8Array.from([0x42, 0x4d, ...new Array<number>(60).fill(0)]))).toBe(
      'image/bmp',
    );
    expect(cardImageType(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
  });

  it('passes the WLT bytes on stdin and takes the picture from stdout', async () => {
    const decoded = await node([FAKE_DECODER])(wlt);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.mediaType).toBe('image/png');
    expect(decoded.value.bytes.readUInt32BE(16)).toBe(102); // IHDR width
    expect(decoded.value.bytes.readUInt32BE(20)).toBe(126); // IHDR height
  });

  it('reports a decoder that fails, hangs, writes no picture or is missing', async () => {
    await expect(node([FAKE_DECODER])(wlt.subarray(0, 10))).resolves.toMatchObject({
      ok: false,
      error: { code: 'photo_decoder_failed' },
    });
    await expect(node(['-e', 'setTimeout(() => {}, 60000)'], 300)(wlt)).resolves.toMatchObject({
      ok: false,
      error: { code: 'photo_decoder_timeout' },
    });
    await expect(node(['-e', 'process.stdout.write("hello")'])(wlt)).resolves.toMatchObject({
      ok: false,
      error: { code: 'photo_decoder_failed', message: expect.stringContaining('not a PNG') },
    });
    await expect(
      externalPhotoDecoder({ command: '/nonexistent/wlt2bmp', args: [], timeoutMs: 1000 })(wlt),
    ).resolves.toMatchObject({ ok: false, error: { code: 'photo_decoder_failed' } });
  });

  it('kills a hung decoder with everything it started, and runs one decode at a time', async () => {
    const marker = `wlt-orphan-${process.pid}-${randomUUID()}`;
    const alive = () =>
      execFileSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line.includes(marker) && !/^Z/.test(line.trim())).length;
    // A decoder that starts a helper of its own and then hangs.
    const hanging = node(
      [
        '-e',
        `require('child_process').spawn('sleep', ['30', '${marker}'], { stdio: 'ignore' }); setTimeout(() => {}, 60000);`,
      ],
      400,
    );
    const first = hanging(wlt);
    // A newer card while the first decode hangs: the first is cancelled, not left running.
    const second = hanging(wlt);
    await expect(first).resolves.toMatchObject({
      ok: false,
      error: { code: 'photo_decoder_failed' },
    });
    await expect(second).resolves.toMatchObject({
      ok: false,
      error: { code: 'photo_decoder_timeout' },
    });
    await sleep(200, 'the decoder runs in its own process');
    expect(alive()).toBe(0);
  });
});
