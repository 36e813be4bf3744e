import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataKey, type KeyWrapper } from '../../../electron/store/data-key';

/**
 * Electron's safeStorage cannot run here; this stand-in has its shape and
 * really transforms the bytes (XOR with a secret), so a test that read the
 * wrapped file as the key would fail.
 */
function keyring(
  backend: string,
  available = true,
): KeyWrapper & { reEncrypt: boolean; encrypts: number } {
  const secret = 0x5a;
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ secret));
  return {
    reEncrypt: false,
    encrypts: 0,
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    async encryptStringAsync(plain) {
      this.encrypts += 1;
      return xor(Buffer.from(plain, 'utf8'));
    },
    async decryptStringAsync(encrypted) {
      return { result: xor(encrypted).toString('utf8'), shouldReEncrypt: this.reEncrypt };
    },
  };
}

const keysDir = () => join(mkdtempSync(join(tmpdir(), 'kiosk-keys-')), 'keys');

describe('data key', () => {
  it('is wrapped by the OS keyring and the same key comes back next start', async () => {
    const dir = keysDir();
    const ring = keyring('gnome_libsecret');
    const first = await loadDataKey(dir, {
      kind: 'safe-storage',
      wrapper: ring,
      platform: 'linux',
      allowKeyFile: false,
    });
    const second = await loadDataKey(dir, {
      kind: 'safe-storage',
      wrapper: ring,
      platform: 'linux',
      allowKeyFile: false,
    });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(Buffer.from(first.value.key).equals(Buffer.from(second.value.key))).toBe(true);
    expect(first.value.protection).toBe('safeStorage (gnome_libsecret)');
    // What is on disk is the wrapped form, not the key.
    const onDisk = readFileSync(join(dir, 'data.key.wrapped'));
    expect(onDisk.includes(Buffer.from(first.value.key).toString('base64'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['data.key.wrapped']);
  });

  it('refuses the basic_text backend on Linux unless the config allows a key file', async () => {
    const dir = keysDir();
    const refused = await loadDataKey(dir, {
      kind: 'safe-storage',
      wrapper: keyring('basic_text'),
      platform: 'linux',
      allowKeyFile: false,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'key_protection_refused' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/basic_text.*allowKeyFile/s);

    const allowed = await loadDataKey(dir, {
      kind: 'safe-storage',
      wrapper: keyring('basic_text'),
      platform: 'linux',
      allowKeyFile: true,
    });
    expect(allowed.ok && allowed.value.protection).toMatch(/key file \(0600\).*basic_text/);
    expect(statSync(join(dir, 'data.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses when the OS offers no encryption at all', async () => {
    const result = await loadDataKey(keysDir(), {
      kind: 'safe-storage',
      wrapper: keyring('kwallet5', false),
      platform: 'linux',
      allowKeyFile: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'key_protection_refused' } });
  });

  it('re-wraps the key when the keyring asks for it, keeping the same key', async () => {
    const dir = keysDir();
    const ring = keyring('kwallet6');
    const first = await loadDataKey(dir, {
      kind: 'safe-storage',
      wrapper: ring,
      platform: 'linux',
      allowKeyFile: false,
    });
    ring.reEncrypt = true;
    const second = await loadDataKey(dir, {
      kind: 'safe-storage',
      wrapper: ring,
      platform: 'linux',
      allowKeyFile: false,
    });
    expect(ring.encrypts).toBe(2);
    expect(
      first.ok && second.ok && Buffer.from(first.value.key).equals(Buffer.from(second.value.key)),
    ).toBe(true);
  });

  it('says so, and touches nothing, when the wrapped key cannot be unwrapped', async () => {
    const dir = keysDir();
    await loadDataKey(dir, {
      kind: 'safe-storage',
      wrapper: keyring('gnome_libsecret'),
      platform: 'linux',
      allowKeyFile: false,
    });
    const before = readFileSync(join(dir, 'data.key.wrapped'));
    const broken: KeyWrapper = {
      ...keyring('gnome_libsecret'),
      decryptStringAsync: () => Promise.reject(new Error('keyring locked')),
    };
    const result = await loadDataKey(dir, {
      kind: 'safe-storage',
      wrapper: broken,
      platform: 'linux',
      allowKeyFile: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'key_unavailable' } });
    expect(readFileSync(join(dir, 'data.key.wrapped')).equals(before)).toBe(true);
  });
});
