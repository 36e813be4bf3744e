import { renameSync, writeFileSync } from 'node:fs';

/** Written whole (a temporary file, then a rename): a back office killed mid-write leaves the old file or the new one. */
export function writeAtomically(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}
