import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One writer per audit log. Two processes appending to the same chain fork it
 * (both continue from the same last entry), so the kiosk, and a technician's
 * command that writes an entry (accept-loss, audit-key --erase), take this lock
 * first: a process that is still alive holds it; a dead one (kill -9) does not.
 * The lock names the pid and, on Linux, when that process started, so a pid
 * the system gave to another program since is not taken for the kiosk.
 */
export const LOCK_FILE = 'audit.lock';

export type LockResult = { readonly ok: true } | { readonly ok: false; readonly holder: number };

/** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), or '' where unknown. */
function startedAt(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function alive(pid: number, started: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (cause) {
    // EPERM: it exists but belongs to another user, which still means alive.
    if ((cause as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return started === '' || startedAt(pid) === '' || startedAt(pid) === started;
}

export function takeWriterLock(dir: string): LockResult {
  const path = join(dir, LOCK_FILE);
  try {
    const [pidText, started = ''] = readFileSync(path, 'utf8').trim().split(' ');
    const holder = Number(pidText);
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder, started))
      return { ok: false, holder };
  } catch {
    // No lock, or an unreadable one: nobody holds it.
  }
  try {
    writeFileSync(path, `${process.pid} ${startedAt(process.pid)}\n`, { mode: 0o600 });
  } catch {
    // A full disk: the log still opens (it holds entries in memory until the disk takes them).
  }
  return { ok: true };
}

export function releaseWriterLock(dir: string): void {
  const path = join(dir, LOCK_FILE);
  try {
    if (Number(readFileSync(path, 'utf8').trim().split(' ')[0]) === process.pid)
      rmSync(path, { force: true });
  } catch {
    // Already gone.
  }
}
