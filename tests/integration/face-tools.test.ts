import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import { runCli, type CliContext } from '../../electron/cli/commands';
import { defaultConfig } from '../../electron/config/default';
import type { PhotoReport } from '../../electron/cli/face-tools';
import { decodeImage, encodeJpeg } from '../../electron/face/codec';
import type { FaceEngine } from '../../electron/face/engine';
import { errorRates, measureAccuracy } from '../fixtures/face-accuracy';
import { FACE_DIST, testFaceEngine } from '../fixtures/face-engine';
import { compliantFranck, FRANCK, MEDIA, scaledBy } from '../fixtures/faces';
import { projectRoot } from '../project-root';

/**
 * The station's tools, `npm run photo:check` and `npm run face:compare`: the
 * kiosk's own face thread and checks on files, as a technician runs them.
 */
const ROOT = projectRoot(__dirname);
const dir = mkdtempSync(join(tmpdir(), 'face-tools-'));

function npmRun(script: string, args: readonly string[], env: Record<string, string> = {}) {
  // From the technician's own folder, as `npm --prefix /opt/kiosk run …` runs it.
  const { INIT_CWD: _, ...outer } = process.env;
  const run = spawnSync('npm', ['--prefix', ROOT, 'run', '--silent', script, '--', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...outer, ...env },
    timeout: 120_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function cli(args: string[], env: Record<string, string> = {}, engineDir = FACE_DIST) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    env,
    clock: systemClock,
    packaged: false,
    appRoot: ROOT,
    dataDirFallback: dir,
    engineDir,
    exists: existsSync,
  };
  const code = await runCli(args, ctx, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdin: () => '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const reports = (out: string): PhotoReport[] =>
  out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as PhotoReport);

describe('npm run photo:check', () => {
  it('judges each file: a compliant camera frame is cut to the standard photo, a blue screen, a corrupt and an oversized file are told why', () => {
    writeFileSync(join(dir, 'frame.jpg'), encodeJpeg(compliantFranck(), 90));
    writeFileSync(
      join(dir, 'blue.jpg'),
      encodeJpeg(compliantFranck(FRANCK.neutral, [30, 100, 230]), 90),
    );
    writeFileSync(join(dir, 'corrupt.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    writeFileSync(join(dir, 'huge.jpg'), '');
    truncateSync(join(dir, 'huge.jpg'), 21 * 1024 * 1024);
    // Relative names, as typed where the files are (npm starts the tool in the project).
    const run = npmRun('photo:check', ['frame.jpg', 'blue.jpg', 'corrupt.jpg', 'huge.jpg']);
    expect(run.code).toBe(1);
    const [frame, blue, corrupt, huge] = reports(run.out);
    expect(frame).toMatchObject({ file: 'frame.jpg', mode: 'crop', compliant: true });
    expect(frame?.photo?.path).toBe(join(dir, 'frame.exit-entry.jpg'));
    const photo = decodeImage(readFileSync(join(dir, 'frame.exit-entry.jpg')));
    expect(photo.ok && [photo.value.width, photo.value.height]).toEqual([354, 472]);
    expect(blue).toMatchObject({ compliant: false, advice: 'background', photo: null });
    expect(blue?.checks.find((c) => c.id === 'background_light')).toMatchObject({
      ok: false,
      range: { min: 0.65 },
    });
    expect(blue?.checks.every((c) => c.id.startsWith('background') || c.ok)).toBe(true);
    expect(corrupt?.error?.code).toBe('image_unreadable');
    expect(huge?.error?.code).toBe('image_too_large');
  });

  it('takes the photo it wrote as a finished photo, measured where it stands: compliant, exit 0', async () => {
    const run = await cli(['photo-check', join(dir, 'frame.exit-entry.jpg')]);
    expect(run.code).toBe(0);
    const [report] = reports(run.out);
    expect(report).toMatchObject({ mode: 'as_is', compliant: true });
    expect(report?.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['photo_width', 'file_bytes', 'crown_margin', 'chin_margin']),
    );
  });

  it('judges to GA 461 on request, and refuses what it cannot use', async () => {
    const idCard = await cli(['photo-check', '--standard', 'id-card', join(dir, 'frame.jpg')]);
    expect(reports(idCard.out)[0]).toMatchObject({ standard: 'id-card', compliant: true });
    expect((await cli(['photo-check', '--standard', 'passport', 'x.jpg'])).code).toBe(2);
    expect((await cli(['photo-check'])).code).toBe(2);
    const missing = await cli(['photo-check', join(dir, 'frame.jpg')], {}, '/nonexistent');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('face engine cannot run here');
  });
});

describe('npm run face:compare', () => {
  it('the same man in two frames: same person at the default threshold, exit 0', () => {
    const run = npmRun('face:compare', [
      join(MEDIA, FRANCK.neutral2),
      join(MEDIA, 'franck_04035.jpg'),
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as Record<string, unknown>;
    expect(result).toMatchObject({
      decision: 'same_person',
      threshold: 0.55,
      thresholdFrom: 'the default config',
      model: 'human 3.3.6',
    });
    expect(Number(result['score'])).toBeGreaterThanOrEqual(0.55);
  });

  it('two people: different, exit 1; and the station’s own threshold decides', async () => {
    const franck = join(MEDIA, FRANCK.neutral2);
    const cage = join(MEDIA, 'cage.jpg');
    const different = await cli(['face-compare', franck, cage]);
    expect(different.code).toBe(1);
    const score = Number((JSON.parse(different.out) as { score: number }).score);
    expect(JSON.parse(different.out)).toMatchObject({ decision: 'different_people' });
    // A configured threshold under that score, from the kiosk's config file, turns the decision.
    const config = join(dir, 'kiosk.json');
    writeFileSync(config, JSON.stringify({ ...defaultConfig, face: { threshold: 0.3 } }));
    const lenient = await cli(['face-compare', franck, cage], { KIOSK_CONFIG: config });
    expect(JSON.parse(lenient.out)).toMatchObject({
      threshold: 0.3,
      thresholdFrom: config,
      decision: score >= 0.3 ? 'same_person' : 'different_people',
    });
    expect((await cli(['face-compare', franck, cage, '--threshold', '2'])).code).toBe(2);
  });

  it('a picture without exactly one face: says how many it found', async () => {
    const wall = { width: 320, height: 240, data: new Uint8Array(320 * 240 * 3).fill(200) };
    writeFileSync(join(dir, 'blank.jpg'), encodeJpeg(wall, 90));
    const run = await cli(['face-compare', join(dir, 'blank.jpg'), join(MEDIA, FRANCK.neutral2)]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out)).toMatchObject({ faces: 0, error: { code: 'no_face' } });
    expect((await cli(['face-compare', join(dir, 'blank.jpg')])).code).toBe(2);
  });
});

describe('the face thread’s limits', () => {
  it('a job past its time limit ends the thread: face_timeout, and the next job gets a fresh one', async () => {
    // Decoding and searching a 12-megapixel picture takes the thread over a second; the limit is 150 ms.
    const engine = testFaceEngine({ timeoutMs: 150 });
    try {
      const late = await engine.run({
        kind: 'look',
        image: encodeJpeg(scaledBy(compliantFranck(), 3.125), 90),
        descriptor: true,
      });
      expect(late).toMatchObject({ ok: false, error: { code: 'face_timeout' } });
      const next = await engine.run({ kind: 'similarity', a: [1, 0], b: [1, 0] });
      expect(next.ok || next.error.code).toBe(true);
    } finally {
      await engine.stop();
    }
  });
});

describe('人证核验’s error rates at the default threshold (the labelled faces)', () => {
  let engine: FaceEngine;
  beforeAll(() => {
    engine = testFaceEngine();
  });
  afterAll(async () => {
    await engine.stop();
  });

  it('accepts another person’s card at most once in a hundred, and refuses the holder at most one time in seven', async () => {
    const set = await measureAccuracy(engine);
    const rates = errorRates(set, 0.55);
    console.log(
      `labelled set: ${set.images} images of ${set.identities} people; ${rates.genuine} genuine and ${rates.impostor} impostor pairs; ` +
        `at 0.55: ${rates.falseRejects} false rejects, ${rates.falseAccepts} false accepts`,
    );
    expect(rates.genuine).toBeGreaterThanOrEqual(40);
    expect(rates.impostor).toBeGreaterThanOrEqual(200);
    expect(rates.falseAccepts / rates.impostor).toBeLessThanOrEqual(0.01);
    expect(rates.falseRejects / rates.genuine).toBeLessThanOrEqual(1 / 7);
  });
});
