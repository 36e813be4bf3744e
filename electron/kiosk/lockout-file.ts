import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../shared/log';
import { writeFileAtomically } from '../store/atomic-file';
import type { LockoutMemory, LockoutState } from './staff-auth';

const stateSchema = z.strictObject({
  failures: z.number().int().min(0),
  lockedUntil: z.number().int().min(0),
});

function parseState(text: string): LockoutState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The staff PIN lockout kept in a small file in the data folder (no PIN, no
 * person: a count and a time), written whole, synced and renamed into place. A file
 * that cannot be read gives no fresh budget: the free attempts count as used,
 * so the next wrong PIN locks, while the right one still works.
 */
export function lockoutFile(path: string, log: Logger, freeAttempts: number): LockoutMemory {
  return {
    load(): LockoutState {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code === 'ENOENT')
          return { failures: 0, lockedUntil: 0 };
        throw cause;
      }
      const state = parseState(text);
      if (state !== null) return state;
      log.warn('staff.lockout_file_damaged', { path });
      return { failures: freeAttempts, lockedUntil: 0 };
    },
    save(state: LockoutState): void {
      // A full disk is exactly when a technician must still get in: the lockout
      // then holds in memory only, and the log says so.
      try {
        mkdirSync(dirname(path), { recursive: true });
        // Synced before it counts: a guess followed by a power cut must still be a used attempt.
        writeFileAtomically(path, JSON.stringify(state));
      } catch (cause) {
        log.warn('staff.lockout_file_unwritable', {
          path,
          code: (cause as NodeJS.ErrnoException).code ?? 'unknown',
        });
      }
    },
  };
}
