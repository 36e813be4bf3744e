import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../electron/config/default';
import { loadConfig, parseConfig } from '../../../electron/config/load';

const example = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'build', 'kiosk.example.json'), 'utf8'),
) as Record<string, unknown>;

const messageFor = (raw: unknown): string => {
  const result = parseConfig('kiosk.json', raw);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.error.message;
};

describe('kiosk config', () => {
  it('accepts the documented example file', () => {
    const result = parseConfig('build/kiosk.example.json', example);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.devices.map((d) => d.transport.type)).toEqual(['serial', 'hid', 'serial']);
    expect(result.value.backOffice?.url).toMatch(/^https:/);
  });

  it('runs on the embedded demo default when KIOSK_CONFIG is unset', () => {
    const result = loadConfig(undefined);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.kioskId).toBe(defaultConfig.kioskId);
    expect(result.value.backOffice).toBeNull();
    expect(result.value.devices.every((d) => d.transport.type === 'simulated')).toBe(true);
    expect(result.value.idle).toEqual({
      timeoutSeconds: 90,
      countdownSeconds: 20,
      elderTimeoutSeconds: 180,
      elderCountdownSeconds: 30,
    });
  });

  it('names the field when a serial baud rate is not a number', () => {
    const bad = structuredClone(example) as { devices: { transport: Record<string, unknown> }[] };
    bad.devices[0]!.transport['baudRate'] = 'fast';
    const message = messageFor(bad);
    expect(message).toContain('kiosk.json');
    expect(message).toContain('devices[0].transport.baudRate');
  });

  it('explains a back office that is not https', () => {
    const message = messageFor({
      ...example,
      backOffice: { ...(example['backOffice'] as object), url: 'http://insecure.example' },
    });
    expect(message).toContain('backOffice.url');
    expect(message).toContain('https://');
  });

  it('refuses an unknown device kind, naming the field', () => {
    const bad = structuredClone(example) as { devices: Record<string, unknown>[] };
    bad.devices[1]!['kind'] = 'fax';
    expect(messageFor(bad)).toContain('devices[1].kind');
  });

  it('refuses two devices with the same id', () => {
    const bad = structuredClone(example) as { devices: Record<string, unknown>[] };
    bad.devices[1]!['id'] = 'idcard-1';
    expect(messageFor(bad)).toMatch(/devices\[1\]\.id: device id "idcard-1" is used twice/);
  });

  it('offers Chinese and English unless the station lists its languages', () => {
    const result = parseConfig('kiosk.json', example);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.languages).toEqual(['zh-CN', 'en']);
    const ug = parseConfig('kiosk.json', { ...example, languages: ['zh-CN', 'ug', 'bo'] });
    expect(ug.ok && ug.value.languages).toEqual(['zh-CN', 'ug', 'bo']);
  });

  it('refuses languages without Chinese, listed twice, or a default not offered', () => {
    expect(messageFor({ ...example, languages: ['ug'], defaultLocale: 'ug' })).toContain(
      'languages must include zh-CN',
    );
    expect(messageFor({ ...example, languages: ['zh-CN', 'ug', 'ug'] })).toContain('listed twice');
    expect(messageFor({ ...example, defaultLocale: 'bo' })).toContain(
      'defaultLocale "bo" is not one of languages',
    );
    expect(messageFor({ ...example, languages: ['zh-CN', 'kk'] })).toContain('languages[1]');
  });

  it('refuses misspelt keys instead of silently ignoring them', () => {
    expect(messageFor({ ...example, kioskID: 'x' })).toMatch(/kioskID|Unrecognized key/);
  });

  it('lists every problem at once, one per line', () => {
    const message = messageFor({ station: { code: 'abc' }, kioskId: '' });
    const lines = message.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(message).toContain('station.code');
    expect(message).toContain('station.name');
    expect(message).toContain('kioskId');
  });

  it('says so when the file is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
    const missing = loadConfig(join(dir, 'nope.json'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain('cannot be read');
    writeFileSync(join(dir, 'broken.json'), '{ "station": ');
    const broken = loadConfig(join(dir, 'broken.json'));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.message).toContain('not valid JSON');
  });
});
