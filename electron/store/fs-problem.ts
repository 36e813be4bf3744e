import {
  accessSync,
  chmodSync,
  constants,
  readdirSync,
  statfsSync,
  statSync,
  type Dirent,
} from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What went wrong with a file, in the words a technician acts on. "Damaged"
 * sends them to a recovery procedure; "permission denied" and "disk full"
 * must not, so the three are told apart here, once, for every writer.
 */
export type FsProblemCode = 'disk_full' | 'permission_denied' | 'io_error';

const messageOf = (cause: unknown): string =>
  cause instanceof Error ? cause.message : String(cause);

/** SQLite's "full" and the OS's ENOSPC/EDQUOT, in any of the shapes they arrive in. */
export const isDiskFull = (cause: unknown): boolean =>
  /SQLITE_FULL|database or disk is full|ENOSPC|EDQUOT|no space left/i.test(
    `${(cause as { code?: string } | null)?.code ?? ''} ${messageOf(cause)}`,
  );

export const isPermissionDenied = (cause: unknown): boolean =>
  /EACCES|EPERM|EROFS|SQLITE_READONLY|attempt to write a readonly database|permission denied|read-only file system/i.test(
    `${(cause as { code?: string } | null)?.code ?? ''} ${messageOf(cause)}`,
  );

/** Free megabytes where `path` lives (or its folder, when it does not exist yet). */
export function freeMb(path: string): number | null {
  for (const where of [path, dirname(path)]) {
    try {
      const fs = statfsSync(where);
      return Math.floor((fs.bavail * fs.bsize) / 1_048_576);
    } catch {
      // try the folder
    }
  }
  return null;
}

/** `0600 uid 0` of a file, or why it cannot be seen. */
export function modeOf(path: string): string {
  try {
    const s = statSync(path);
    return `mode ${(s.mode & 0o7777).toString(8).padStart(4, '0')}, owner uid ${s.uid}`;
  } catch (cause) {
    return messageOf(cause);
  }
}

/**
 * Whether the kiosk can read and write `path` (and create files beside it);
 * null when it can, else what is in the way. Checked before SQLite opens a
 * file, so a permission problem is never reported as a damaged database.
 */
export function accessProblem(path: string, exists: boolean): string | null {
  const folder = dirname(path);
  try {
    accessSync(folder, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch {
    return `the folder ${folder} must be readable and writable by the kiosk user (needs 0700, owned by it); it is ${modeOf(folder)}`;
  }
  if (!exists) return null;
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    return `${path} must be readable and writable by the kiosk user (needs 0600, owned by it); it is ${modeOf(path)}`;
  }
  return null;
}

/** One technician's sentence for a failed read or write of `path`. */
export function describeFsProblem(
  cause: unknown,
  path: string,
): { readonly code: FsProblemCode; readonly message: string } {
  if (isDiskFull(cause)) {
    const free = freeMb(path);
    return {
      code: 'disk_full',
      message: `the disk holding ${path} is full (${free === null ? 'unknown' : `${free} MB`} free): free space on it, then restart the kiosk — nothing was lost (${messageOf(cause)})`,
    };
  }
  if (isPermissionDenied(cause)) {
    return {
      code: 'permission_denied',
      message: `permission denied on ${path} (${modeOf(path)}): the kiosk user must be able to read and write it (files 0600, folders 0700) (${messageOf(cause)})`,
    };
  }
  return { code: 'io_error', message: `${path}: ${messageOf(cause)}` };
}

/**
 * The data folder holds personal data: folders 0700, files 0600, whatever an
 * older version or a copy left behind (it used to default to 0755/0644).
 * Tightens modes only; never loosens, never changes owners. Returns how many
 * entries were changed, for the log.
 */
export function tightenModes(dir: string): number {
  let changed = 0;
  const tighten = (path: string, isDir: boolean): void => {
    try {
      const mode = statSync(path).mode & 0o777;
      if ((mode & 0o077) === 0) return;
      chmodSync(path, isDir ? 0o700 : 0o600);
      changed += 1;
    } catch {
      // Not ours to change (or gone): the access checks that follow say so.
    }
  };
  tighten(dir, true);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return changed;
  }
  for (const entry of entries) {
    if (entry.isDirectory() || entry.isFile())
      tighten(join(entry.parentPath, entry.name), entry.isDirectory());
  }
  return changed;
}
