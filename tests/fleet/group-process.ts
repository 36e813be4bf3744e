import { fork, type ChildProcess } from 'node:child_process';
import {
  createKioskGroup,
  type GroupSpec,
  type KioskGroup,
  type KioskReport,
  type StepFigures,
} from './kiosk-group';

/** What the coordinator says to a group's process, and what it answers. */
type Ask =
  | { readonly kind: 'advance'; readonly toMs: number }
  | { readonly kind: 'arrivals'; readonly on: boolean }
  | { readonly kind: 'report' }
  | { readonly kind: 'close' };

type Answer =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'advanced'; readonly figures: StepFigures }
  | { readonly kind: 'report'; readonly reports: readonly KioskReport[] }
  | { readonly kind: 'done' };

export const GROUP_FLAG = '--kiosk-group';

/**
 * A group of simulated kiosks in a process of its own (2 cores: the kiosks'
 * TLS, SQLite and signing run beside the back office, not behind it). The
 * child is this same program, started with GROUP_FLAG.
 */
export function forkGroup(program: string, spec: GroupSpec): Promise<KioskGroup> {
  const child: ChildProcess = fork(program, [GROUP_FLAG], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: ((a: Answer) => void)[] = [];
  let exited: string | null = null;
  child.on('message', (a: Answer) => waiting.shift()?.(a));
  child.on('exit', (code, signal) => {
    exited = `kiosk group ${spec.group} exited (${signal ?? code})`;
    for (const w of waiting.splice(0)) w({ kind: 'failed', message: exited });
  });
  const ask = (message: Ask | { kind: 'init'; spec: GroupSpec }): Promise<Answer> =>
    new Promise((resolve) => {
      if (exited !== null) return resolve({ kind: 'failed', message: exited });
      waiting.push(resolve);
      child.send(message);
    });
  const expect = async <K extends Answer['kind']>(
    message: Parameters<typeof ask>[0],
    kind: K,
  ): Promise<Extract<Answer, { kind: K }>> => {
    const answer = await ask(message);
    if (answer.kind === 'failed') throw new Error(answer.message);
    if (answer.kind !== kind) throw new Error(`kiosk group answered ${answer.kind}, not ${kind}`);
    return answer as Extract<Answer, { kind: K }>;
  };
  return expect({ kind: 'init', spec }, 'ready').then(
    (): KioskGroup => ({
      advance: async (toMs) => (await expect({ kind: 'advance', toMs }, 'advanced')).figures,
      arrivals: (on) => void child.send({ kind: 'arrivals', on }),
      report: async () => (await expect({ kind: 'report' }, 'report')).reports,
      close: async () => {
        if (exited === null) await expect({ kind: 'close' }, 'done');
        child.disconnect();
      },
    }),
    (cause: unknown) => {
      child.kill();
      throw cause;
    },
  );
}

/** The child's side: builds the group it is given and answers until told to close. */
export function serveGroup(): void {
  let group: KioskGroup | null = null;
  const built = (): KioskGroup => {
    if (group === null) throw new Error('the kiosk group was asked before it was built');
    return group;
  };
  const answer = (a: Answer): void => void process.send?.(a);
  process.on('message', (message: Ask | { kind: 'init'; spec: GroupSpec }) => {
    void (async () => {
      try {
        switch (message.kind) {
          case 'init':
            group = createKioskGroup(message.spec);
            return answer({ kind: 'ready' });
          case 'advance':
            return answer({ kind: 'advanced', figures: await built().advance(message.toMs) });
          case 'arrivals':
            return group?.arrivals(message.on);
          case 'report':
            return answer({ kind: 'report', reports: await built().report() });
          case 'close':
            await group?.close();
            return answer({ kind: 'done' });
        }
      } catch (cause) {
        answer({
          kind: 'failed',
          message: cause instanceof Error ? (cause.stack ?? cause.message) : String(cause),
        });
      }
    })();
  });
}
