import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../core/result';
import { writeFileAtomically } from './atomic-file';
import { loadOrCreateKeyFile } from './crypto';

const KEY_BYTES = 32;

/** The part of Electron's `safeStorage` the kiosk uses (async API only; the sync one is deprecated). */
export interface KeyWrapper {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  getSelectedStorageBackend(): string;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/**
 * Where the data key comes from. The web host and tests use a 0600 key file;
 * Electron wraps the key with the OS keyring through safeStorage.
 */
export type DataKeySource =
  | { readonly kind: 'key-file' }
  | {
      readonly kind: 'safe-storage';
      readonly wrapper: KeyWrapper;
      readonly platform: NodeJS.Platform;
      /** Config `storage.allowKeyFile`: accept a plain key file where no keyring protects the key. */
      readonly allowKeyFile: boolean;
    };

export interface DataKey {
  readonly key: Uint8Array;
  /** How the key is protected, for diagnostics: "safeStorage (gnome_libsecret)", "key file (0600)". */
  readonly protection: string;
}

const KEY_FILE = 'data.key';
const WRAPPED_FILE = 'data.key.wrapped';

function keyFile(keysDir: string, why: string, create: boolean): Result<DataKey> {
  const key = loadOrCreateKeyFile(join(keysDir, KEY_FILE), create);
  return key.ok ? ok({ key: key.value, protection: `key file (0600)${why}` }) : key;
}

function readIfPresent(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
}

/**
 * Loads (or on first start creates) the 32-byte key that seals every
 * personal payload. Refuses rather than silently weakening protection: on
 * Linux a `basic_text` safeStorage backend is no protection at all, so it is
 * used only when the config says a key file is acceptable.
 */
export async function loadDataKey(
  keysDir: string,
  source: DataKeySource,
  { create = true }: { readonly create?: boolean } = {},
): Promise<Result<DataKey>> {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  if (source.kind === 'key-file') return keyFile(keysDir, '', create);

  const { wrapper, platform, allowKeyFile } = source;
  const available = await wrapper.isAsyncEncryptionAvailable().catch(() => false);
  const backend = platform === 'linux' ? wrapper.getSelectedStorageBackend() : 'os';
  if (!available || backend === 'basic_text' || backend === 'unknown') {
    const why = available
      ? `the OS keyring backend is "${backend}"`
      : 'OS encryption is not available';
    if (allowKeyFile)
      return keyFile(keysDir, `: ${why}, allowed by config storage.allowKeyFile`, create);
    return err(
      'key_protection_refused',
      `${why}, which would leave the data key unprotected. Install and unlock a keyring ` +
        '(gnome-keyring or KWallet) for the kiosk user, or set "storage": {"allowKeyFile": true} in the kiosk config ' +
        'to accept a key file readable only by the kiosk user.',
    );
  }

  const wrappedPath = join(keysDir, WRAPPED_FILE);
  try {
    const wrapped = readIfPresent(wrappedPath);
    if (wrapped === null) {
      if (!create) return err('key_missing', `the wrapped data key ${wrappedPath} is missing`);
      const key = randomBytes(KEY_BYTES);
      writeFileAtomically(wrappedPath, await wrapper.encryptStringAsync(key.toString('base64')));
      return ok({ key, protection: `safeStorage (${backend})` });
    }
    const opened = await wrapper.decryptStringAsync(wrapped);
    const key = Buffer.from(opened.result, 'base64');
    if (key.length !== KEY_BYTES) {
      return err('key_invalid', `${wrappedPath} does not hold a ${KEY_BYTES}-byte key`);
    }
    // The keyring rotated its own key: store ours wrapped under the new one.
    if (opened.shouldReEncrypt)
      writeFileAtomically(wrappedPath, await wrapper.encryptStringAsync(opened.result));
    return ok({ key, protection: `safeStorage (${backend})` });
  } catch (cause) {
    return err(
      'key_unavailable',
      `the data key in ${wrappedPath} cannot be unwrapped (${cause instanceof Error ? cause.message : String(cause)}); ` +
        'the kiosk keeps the file and the database untouched',
    );
  }
}
