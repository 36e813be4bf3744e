import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { err, ok, type KioskError, type Result } from '../../core/result';

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
  ): Promise<Result<string[], KioskError<'handwriting_unavailable'>>>;
}

/** The recognizer when zinnia and its model are installed; `available: false` otherwise (the pad is not offered). */
export function createHandwriting(config: HandwritingConfig = DEFAULT_HANDWRITING): Handwriting {
  const available =
    existsSync(config.model) &&
    spawnSync(config.executable, ['--version'], { stdio: 'ignore', timeout: 2000 }).status === 0;
  return {
    available,
    recognize(strokes) {
      if (!available)
        return Promise.resolve(
          err('handwriting_unavailable', 'zinnia or its model is not installed'),
        );
      if (strokes.every((s) => s.length === 0)) return Promise.resolve(ok([]));
      return new Promise((resolve) => {
        // zinnia opens a file by name; Node's stdio "pipe" is a socket, which /dev/stdin cannot open,
        // so a shell puts a real pipe in between (nothing is written to disk: the strokes are a name).
        const child = spawn(
          '/bin/sh',
          [
            '-c',
            'cat | exec "$0" -m "$1" -n "$2" /dev/stdin',
            config.executable,
            config.model,
            String(config.candidates),
          ],
          { stdio: ['pipe', 'pipe', 'ignore'], shell: false },
        );
        let output = '';
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(err('handwriting_unavailable', `no answer within ${config.timeoutMs} ms`));
        }, config.timeoutMs);
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.on('error', (cause) => {
          clearTimeout(timer);
          resolve(err('handwriting_unavailable', cause.message));
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve(
            code === 0
              ? ok(parseZinniaOutput(output))
              : err('handwriting_unavailable', `zinnia exited with ${code}`),
          );
        });
        child.stdin.end(zinniaInput(strokes));
      });
    },
  };
}
