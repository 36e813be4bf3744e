import { sleep } from '../sleep';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HANDWRITING_MAX_POINTS, HANDWRITING_MAX_STROKES } from '../../core/limits';
import { resampleStroke } from '../../renderer/keyboard/resample-stroke';
import { createHandwriting, type Stroke } from '../../electron/input/handwriting';

/**
 * Handwriting through the real zinnia and Debian's simplified-Chinese model,
 * fed the stroke medians of Make Me a Hanzi (`hanzi-writer-data`): each
 * character drawn as a citizen would, stroke by stroke, in stroke order.
 */
const handwriting = createHandwriting();
if (!handwriting.available)
  process.stdout.write(
    'handwriting test skipped: zinnia-utils or tegaki-zinnia-simplified-chinese missing\n',
  );

/**
 * Make Me a Hanzi's medians are in a 1024 box with y up (baseline at -124):
 * onto the 1000 pad with y down, with a point every 20 units along each
 * stroke as a finger on the screen gives (the medians alone are a few corners).
 */
function strokesOf(char: string): Stroke[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require(`hanzi-writer-data/${char}.json`) as { medians: [number, number][][] };
  return data.medians.map((median) => {
    const points = median.map(([x, y]): [number, number] => [
      (x / 1024) * 1000,
      ((900 - y) / 1024) * 1000,
    ]);
    const dense: [number, number][] = [];
    points.forEach((point, i) => {
      const next = points[i + 1];
      dense.push(point);
      if (next === undefined) return;
      const steps = Math.floor(Math.hypot(next[0] - point[0], next[1] - point[1]) / 20);
      for (let k = 1; k < steps; k += 1)
        dense.push([
          point[0] + ((next[0] - point[0]) * k) / steps,
          point[1] + ((next[1] - point[1]) * k) / steps,
        ]);
    });
    return dense;
  });
}

/** Common surnames and given-name characters. */
const NAME_CHARS = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐明华伟芳丽静强军'];

describe.skipIf(!handwriting.available)('handwriting', () => {
  it(`recognises common name characters drawn stroke by stroke (${NAME_CHARS.length} tried)`, async () => {
    let first = 0;
    let inFive = 0;
    const missed: string[] = [];
    for (const char of NAME_CHARS) {
      const result = await handwriting.recognize(strokesOf(char));
      if (!result.ok) throw new Error(result.error.message);
      if (result.value[0] === char) first += 1;
      if (result.value.slice(0, 5).includes(char)) inFive += 1;
      else missed.push(`${char}→${result.value.slice(0, 3).join('')}`);
    }
    process.stdout.write(
      `handwriting: ${first}/${NAME_CHARS.length} first, ${inFive}/${NAME_CHARS.length} in the first five${missed.length > 0 ? `; missed ${missed.join(' ')}` : ''}\n`,
    );
    expect(first).toBeGreaterThanOrEqual(20);
    expect(inFive).toBeGreaterThanOrEqual(28);
  });

  it('offers nothing for an empty pad, and only Han characters', async () => {
    expect(await handwriting.recognize([])).toEqual({ ok: true, value: [] });
    const scribble = await handwriting.recognize([
      [
        [100, 100],
        [900, 900],
      ],
    ]);
    expect(scribble.ok && scribble.value.every((c) => /^\p{Script=Han}$/u.test(c))).toBe(true);
  });

  it('recognises as well from the strokes the pad sends (resampled to the contract’s size)', async () => {
    let inFive = 0;
    for (const char of NAME_CHARS) {
      const strokes = strokesOf(char).map((s) => resampleStroke(s, HANDWRITING_MAX_POINTS));
      const result = await handwriting.recognize(strokes);
      if (result.ok && result.value.slice(0, 5).includes(char)) inFive += 1;
    }
    expect(inFive).toBeGreaterThanOrEqual(28);
  });

  it('runs one recognizer at a time under a burst of the largest drawings, leaves no orphan, and never stalls', async () => {
    // Only this test's recognizers: each runs in a process group of its own, led by a shell this
    // process started; groups seen once are remembered, so one orphaned by a killed shell still counts.
    // (Counting every zinnia and cat on the machine failed once when another suite's ran beside it.)
    const ourGroups = new Set<string>();
    /** This test's zinnia and cat processes alive (not zombies) right now. */
    const recognizers = (): number => {
      const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,pgid=,stat=,comm='], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((row) => row.length === 5);
      for (const [pid, ppid] of rows) if (ppid === String(process.pid)) ourGroups.add(pid!);
      return rows.filter(
        ([, , pgid, stat, comm]) =>
          ourGroups.has(pgid!) && !stat!.startsWith('Z') && /^(zinnia|cat)$/.test(comm!),
      ).length;
    };
    const before = recognizers();
    const largest = Array.from({ length: HANDWRITING_MAX_STROKES }, (_, s) =>
      Array.from({ length: HANDWRITING_MAX_POINTS }, (_, p): [number, number] => [
        (s * 23 + p * 17) % 1000,
        (s * 31 + p * 13) % 1000,
      ]),
    );
    let worstLag = 0;
    let last = performance.now();
    const lag = setInterval(() => {
      const now = performance.now();
      worstLag = Math.max(worstLag, now - last - 20);
      last = now;
    }, 20);
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, recognizers() - before)), 15);
    // What fast taps on a full pad send: 30 requests, each cancelling the one before.
    const answers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        await sleep(i * 10, 'requests spread over time, as strokes come');
        return handwriting.recognize(largest);
      }),
    );
    clearInterval(sampler);
    clearInterval(lag);
    const superseded = answers.filter((a) => !a.ok && a.error.code === 'handwriting_superseded');
    expect(superseded.length).toBeGreaterThanOrEqual(25);
    expect(answers.at(-1)?.ok).toBe(true);
    // One recognizer (a shell's cat and zinnia) at a time, at most, and nothing left behind.
    expect(most).toBeLessThanOrEqual(2);
    // Seen at all: the count is of something (29 drawings were cancelled while they ran).
    expect(most).toBeGreaterThanOrEqual(1);
    await sleep(200, 'zinnia runs in its own process');
    expect(recognizers() - before).toBe(0);
    expect(worstLag).toBeLessThan(1000);
    process.stdout.write(
      `handwriting burst: 30 requests, ${superseded.length} superseded, at most ${most} recognizer processes, worst event-loop lag ${Math.round(worstLag)} ms\n`,
    );
  });
});
