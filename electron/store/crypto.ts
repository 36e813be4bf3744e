import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type KioskError, type Result } from '../../core/result';
import { createFileAtomically } from './atomic-file';
import { describeFsProblem } from './fs-problem';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * Seals personal data with AES-256-GCM: a fresh random nonce per record and
 * the record id as associated data, so a payload copied onto another row is
 * refused. Layout: version(1) · nonce(12) · ciphertext · tag(16).
 */
/** Raw 32 bytes, or a KeyObject made once for a key used again and again (the data key). */
export type SealingKey = Uint8Array | KeyObject;

export function seal(key: SealingKey, plaintext: Uint8Array, recordId: string): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(recordId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), nonce, body, cipher.getAuthTag()]);
}

export function unseal(
  key: SealingKey,
  sealed: Uint8Array,
  recordId: string,
): Result<Uint8Array, KioskError<'payload_corrupt' | 'payload_tampered'>> {
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
    return err('payload_corrupt', 'sealed payload has an unknown format');
  }
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(1 + NONCE_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(Buffer.from(recordId, 'utf8'));
    decipher.setAuthTag(tag);
    const opened = decipher.update(body);
    // GCM hands back everything from update(); a copy of a 200 KB scan into a concat is garbage.
    const rest = decipher.final();
    return ok(rest.length === 0 ? opened : Buffer.concat([opened, rest]));
  } catch {
    return err('payload_tampered', 'sealed payload failed authentication');
  }
}

/**
 * The data key for the web host and tests: a 32-byte file readable only by
 * its owner (0600). Made on first use only when `create` says nothing was
 * ever sealed on this kiosk; otherwise a missing key is `key_missing`, and a
 * new key is never made over sealed records.
 */
export function loadOrCreateKeyFile(
  path: string,
  create = true,
): Result<
  Uint8Array,
  KioskError<'key_missing' | 'key_invalid' | 'key_unavailable' | 'disk_full' | 'permission_denied'>
> {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) {
      if (!create) return err('key_missing', `data key ${path} is missing`);
      try {
        createFileAtomically(path, randomBytes(KEY_BYTES));
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      }
    }
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES)
      return err('key_invalid', `data key ${path} is not ${KEY_BYTES} bytes`);
    return ok(key);
  } catch (cause) {
    const problem = describeFsProblem(cause, path);
    return problem.code === 'io_error'
      ? err('key_unavailable', `data key ${problem.message}`)
      : err(problem.code, `data key: ${problem.message}`);
  }
}
