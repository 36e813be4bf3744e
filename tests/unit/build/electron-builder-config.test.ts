import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', '..');
const read = (file: string) =>
  JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(
  readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as object;

/** electron-builder cannot run here (no Electron download), so its config is checked against its own schema. */
describe('electron-builder config', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  it.each(['electron-builder.json'])('%s passes electron-builder’s schema', (file) => {
    const config = read(file);
    const valid = validate(config);
    expect(validate.errors ?? [], file).toEqual([]);
    expect(valid).toBe(true);
  });

  it('lays out the Linux app folder (our own script makes the .deb around it) and NSIS for Windows', () => {
    const config = read('electron-builder.json') as {
      directories: { buildResources: string };
      linux: { target: string[] };
      win: { target: string[] };
      npmRebuild: boolean;
      executableName: string;
    };
    expect(config.directories.buildResources).toBe('build');
    expect(config.linux.target).toEqual(['dir']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.executableName).toBe('police-kiosk');
    // serialport and node-hid ship N-API prebuilds for x64 and arm64: nothing to compile per Electron.
    expect(config.npmRebuild).toBe(false);
  });

  it('ships only the native modules as runtime dependencies (everything else is in the bundles)', () => {
    expect(Object.keys(read('package.json')['dependencies'] as object).sort()).toEqual([
      'node-hid',
      'serialport',
    ]);
  });

  it('sets production fuses: no run-as-node, no NODE_OPTIONS, no inspector, asar only', () => {
    const fuses = read('electron-builder.json')['electronFuses'];
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('ships the rule files and their holiday calendar beside the app, and the udev rules in build/', () => {
    expect(read('electron-builder.json')['extraResources']).toEqual([
      { from: 'rules/services', to: 'rules/services' },
      { from: 'rules/common.json', to: 'rules/common.json' },
      { from: 'rules/calendar', to: 'rules/calendar' },
    ]);
    const rules = readFileSync(join(root, 'build', 'linux', '99-police-kiosk.rules'), 'utf8');
    expect(rules).toMatch(/SUBSYSTEM=="tty".*GROUP="dialout"/);
    expect(rules).toMatch(/KERNEL=="hidraw\*"/);
  });
});
