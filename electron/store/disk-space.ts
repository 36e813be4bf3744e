import { statfsSync } from 'node:fs';

export interface StorageStatus {
  readonly freeMb: number;
  readonly minFreeMb: number;
  /** Enough room to take one more application with its scans. */
  readonly ok: boolean;
}

/**
 * Free space where the database lives, checked before a citizen confirms:
 * better to say "this kiosk cannot take applications now" than to fail after
 * the citizen has answered everything.
 */
export function storageStatus(dir: string, minFreeMb: number): StorageStatus {
  try {
    const stats = statfsSync(dir);
    const freeMb = Math.floor((stats.bavail * stats.bsize) / 1_048_576);
    return { freeMb, minFreeMb, ok: freeMb >= minFreeMb };
  } catch {
    return { freeMb: 0, minFreeMb, ok: false };
  }
}
