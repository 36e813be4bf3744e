import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

function writeSynced(path: string, bytes: Uint8Array | string): void {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const fd = openSync(path, 'w', 0o600);
  try {
    for (let at = 0; at < data.length;) at += writeSync(fd, data, at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The folder's entry for a renamed or linked file survives a power cut only once the folder is synced. */
export function syncFolder(path: string): void {
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file whole or not at all (0600): a temp file, fsync, rename, fsync
 * the folder. After a power cut the file holds the old bytes or the new ones,
 * never a part. Throws what the file system said (ENOSPC, EACCES).
 */
export function writeFileAtomically(path: string, bytes: Uint8Array | string): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeSynced(temp, bytes);
    renameSync(temp, path);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw cause;
  }
  syncFolder(path);
}

/**
 * Like `writeFileAtomically`, but never replaces an existing file: the link
 * fails with EEXIST when another start got there first. For keys, which must
 * never be made twice.
 */
export function createFileAtomically(path: string, bytes: Uint8Array): void {
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeSynced(temp, bytes);
    linkSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  syncFolder(path);
}
