import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The audit log's forward-secure key. Each entry carries a MAC of its hash
 * under the key of its sequence number; after the entry is written the key is
 * evolved one way (k' = HMAC(k, …)) and the old one overwritten. Whoever
 * copies the key file at some moment can add entries after it, but cannot
 * re-MAC a single entry written before: dropping or rewriting old entries and
 * rehashing the chain (which anyone can do) no longer verifies.
 *
 * A key epoch starts with a random key at the first start (or when the key
 * was lost). Its starting key is handed to the back office once (heartbeat,
 * mutual TLS) and then erased here; the back office — or a technician who
 * exported it where there is no back office — is the verifier that holds it.
 */
export const KEY_FILE = 'audit.key';
export const KEY_EPOCH_ACTION = 'audit.key_epoch';
const EVOLVE = Buffer.from('police-kiosk audit key evolve v1', 'utf8');
const MAGIC = Buffer.from('PKAK1', 'ascii');
/** magic 5 + epoch 4 + seq 8 + key 32 + checksum 32: written in place, one small write. */
const RECORD_BYTES = 81;

export const evolveKey = (key: Buffer): Buffer => createHmac('sha256', key).update(EVOLVE).digest();

/** The key for entry `steps` entries after the one `key` is for. */
export function keyAfter(key: Buffer, steps: number): Buffer {
  let k = key;
  for (let i = 0; i < steps; i += 1) k = evolveKey(k);
  return k;
}

/** The MAC an entry carries: HMAC-SHA256 of its chain hash under its own key. */
export const macOf = (key: Buffer, hash: string): string =>
  createHmac('sha256', key).update(hash, 'utf8').digest('hex');

/** Where the chain's key stands: the key for entry `seq` of epoch `epoch`. */
export interface KeyState {
  readonly epoch: number;
  readonly seq: number;
  readonly key: Buffer;
}

function encode(state: KeyState): Buffer {
  const body = Buffer.alloc(RECORD_BYTES - 32);
  MAGIC.copy(body, 0);
  body.writeUInt32BE(state.epoch, 5);
  body.writeBigUInt64BE(BigInt(state.seq), 9);
  state.key.copy(body, 17);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** The key file's state; `damaged` when it is cut short or changed (a power cut mid-write, or a hand). */
export function readKeyFile(dir: string): KeyState | 'missing' | 'damaged' {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, KEY_FILE));
  } catch {
    return 'missing';
  }
  if (bytes.length !== RECORD_BYTES || !bytes.subarray(0, 5).equals(MAGIC)) return 'damaged';
  const body = bytes.subarray(0, RECORD_BYTES - 32);
  if (
    !createHash('sha256')
      .update(body)
      .digest()
      .equals(bytes.subarray(RECORD_BYTES - 32))
  )
    return 'damaged';
  return {
    epoch: body.readUInt32BE(5),
    seq: Number(body.readBigUInt64BE(9)),
    key: Buffer.from(body.subarray(17, 49)),
  };
}

/** The key file, overwritten in place (the same 81 bytes of the same file: the old key is not left in a copy). */
export interface KeyFile {
  /** For a grouped fsync beside the log's own. */
  readonly fd: number;
  write(state: KeyState): void;
  sync(): void;
  close(): void;
}

export function openKeyFile(dir: string): KeyFile {
  const fd = openSync(join(dir, KEY_FILE), 'a+', 0o600);
  closeSync(fd);
  // 'r+': writes go where they are told (position 0), unlike 'a'.
  const rw = openSync(join(dir, KEY_FILE), 'r+', 0o600);
  return {
    fd: rw,
    write(state) {
      const bytes = encode(state);
      writeSync(rw, bytes, 0, bytes.length, 0);
    },
    sync: () => fsyncSync(rw),
    close: () => closeSync(rw),
  };
}

/** A new epoch's starting key, never derived from anything on the kiosk. */
export const newEpochKey = (): Buffer => randomBytes(32);

/**
 * An epoch's starting key, waiting to be handed to the back office (or exported
 * by a technician). While it is on the kiosk the log is not protected against a
 * rebuild: readiness says so.
 */
export const epochKeySchema = z.strictObject({
  epoch: z.number().int().nonnegative(),
  startSeq: z.number().int().nonnegative(),
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});
export type EpochKey = z.output<typeof epochKeySchema>;

const EPOCH_FILE = /^epoch-(\d+)\.key$/;
const epochFileName = (epoch: number): string => `epoch-${epoch}.key`;

export function savePendingEpochKey(dir: string, key: EpochKey): void {
  writeFileSync(join(dir, epochFileName(key.epoch)), `${JSON.stringify(key)}\n`, { mode: 0o600 });
}

/** Epoch keys not yet handed over, oldest first. */
export function pendingEpochKeys(dir: string): EpochKey[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => EPOCH_FILE.test(n));
  } catch {
    return [];
  }
  const keys: EpochKey[] = [];
  for (const name of names) {
    try {
      const parsed = epochKeySchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (parsed.success) keys.push(parsed.data);
    } catch {
      // Unreadable: nothing to hand over; readiness reports the epoch as not handed over.
    }
  }
  return keys.sort((a, b) => a.epoch - b.epoch);
}

/** The back office (or the technician) has it: the kiosk's copy goes. */
export function erasePendingEpochKey(dir: string, epoch: number): void {
  const path = join(dir, epochFileName(epoch));
  try {
    // Overwritten before it is unlinked, so the blocks do not keep it in the clear.
    writeFileSync(path, Buffer.alloc(128));
  } catch {
    // Already gone.
  }
  rmSync(path, { force: true });
}
