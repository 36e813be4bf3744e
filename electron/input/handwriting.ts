import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { err, ok, type KioskError, type Result } from '../../core/result';
import { describeFailure, newestWins, runBounded } from '../shared/bounded-process';

/**
 * Offline handwriting recognition with zinnia (Debian's `zinnia-utils`) and
 * the Tegaki simplified-Chinese model (`tegaki-zinnia-simplified-chinese`):
 * the strokes a citizen draws on the pad, in, the likeliest characters out.
 * No network; nothing is kept. The pad is 1000 × 1000; zinnia reads one
 * character per S-expression line.
 */
export const PAD_SIZE = 1000;
export type Point = readonly [number, number];
export type Stroke = readonly Point[];

export interface HandwritingConfig {
  readonly executable: string;
  readonly model: string;
  /** Candidates offered, best first. */
  readonly candidates: number;
  readonly timeoutMs: number;
}

export const DEFAULT_HANDWRITING: HandwritingConfig = {
  executable: 'zinnia',
  model: '/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model',
  candidates: 10,
  timeoutMs: 2000,
};

/** zinnia's input: `(character (width W)(height H)(strokes ((x y)(x y)…)…))`, integers only. */
export function zinniaInput(strokes: readonly Stroke[]): string {
  const body = strokes
    .filter((s) => s.length > 0)
    .map((s) => `(${s.map(([x, y]) => `(${Math.round(x)} ${Math.round(y)})`).join('')})`)
    .join('');
  return `(character (width ${PAD_SIZE})(height ${PAD_SIZE})(strokes ${body}))\n`;
}

/** "Answer:" then one `<char> <score>` per line, best first. */
export function parseZinniaOutput(output: string): string[] {
  return output
    .split('\n')
    .map((line) => /^(\S+)\s+-?\d/u.exec(line.trim())?.[1] ?? null)
    .filter((c): c is string => c !== null && /^\p{Script=Han}$/u.test(c));
}

export interface Handwriting {
  readonly available: boolean;
  recognize(
    strokes: readonly Stroke[],
  ): Promise<Result<string[], KioskError<'handwriting_unavailable' | 'handwriting_superseded'>>>;
}

/** zinnia's answer is a few hundred bytes; anything far larger is not one. */
const MAX_OUTPUT_BYTES = 64 * 1024;

/**
 * The recognizer when zinnia and its model are installed; `available: false`
 * otherwise (the pad is not offered). One recognition at a time: a newer
 * drawing cancels the one still running, whose caller hears `superseded`, and
 * a recognition that times out or is cancelled takes its whole process group
 * (the shell, `cat` and zinnia) with it.
 */
export function createHandwriting(config: HandwritingConfig = DEFAULT_HANDWRITING): Handwriting {
  const available =
    existsSync(config.model) &&
    spawnSync(config.executable, ['--version'], { stdio: 'ignore', timeout: 2000 }).status === 0;
  const oneAtATime = newestWins();
  return {
    available,
    async recognize(strokes) {
      if (!available) return err('handwriting_unavailable', 'zinnia or its model is not installed');
      if (strokes.every((s) => s.length === 0)) return ok([]);
      const run = await oneAtATime(() =>
        runBounded({
          // zinnia opens a file by name; Node's stdio "pipe" is a socket, which /dev/stdin cannot open,
          // so a shell puts a real pipe in between (nothing is written to disk: the strokes are a name).
          command: '/bin/sh',
          args: [
            '-c',
            'cat | exec "$0" -m "$1" -n "$2" /dev/stdin',
            config.executable,
            config.model,
            String(config.candidates),
          ],
          input: Buffer.from(zinniaInput(strokes)),
          timeoutMs: config.timeoutMs,
          maxOutputBytes: MAX_OUTPUT_BYTES,
        }),
      );
      if (run.ok) return ok(parseZinniaOutput(run.value.toString('utf8')));
      return run.error.kind === 'cancelled'
        ? err('handwriting_superseded', 'a newer drawing was sent')
        : err('handwriting_unavailable', describeFailure(run.error));
    },
  };
}
