import { describe, expect, it } from 'vitest';
import { foreignPrebuilds, unusedTools } from '../../../build/scripts/deb-notices';

const prebuilds = [
  'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
  'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.musl.node',
  'node_modules/@serialport/bindings-cpp/prebuilds/linux-arm64/@serialport+bindings-cpp.armv8.glibc.node',
  'node_modules/@serialport/bindings-cpp/prebuilds/android-arm64/@serialport+bindings-cpp.armv8.node',
  'node_modules/@serialport/bindings-cpp/prebuilds/win32-x64/@serialport+bindings-cpp.node',
  'node_modules/node-hid/prebuilds/HID-linux-x64/node-napi-v4.node',
  'node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node',
  'node_modules/node-hid/prebuilds/HID-linux-x64-musl/node-napi-v4.node',
  'node_modules/node-hid/prebuilds/HID-linux-arm64/node-napi-v4.node',
  'node_modules/node-hid/prebuilds/HID-darwin-x64/node-napi-v4.node',
  'node_modules/node-hid/package.json',
];

describe('what a Debian package for one system leaves out', () => {
  it('keeps only the native modules for linux on its own CPU with glibc', () => {
    const kept = (arch: 'x64' | 'arm64') => {
      const gone = new Set(foreignPrebuilds(prebuilds, arch));
      return prebuilds.filter((f) => !gone.has(f));
    };
    expect(kept('x64')).toEqual([
      'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
      'node_modules/node-hid/prebuilds/HID-linux-x64/node-napi-v4.node',
      'node_modules/node-hid/prebuilds/HID_hidraw-linux-x64/node-napi-v4.node',
      'node_modules/node-hid/package.json',
    ]);
    expect(kept('arm64')).toEqual([
      'node_modules/@serialport/bindings-cpp/prebuilds/linux-arm64/@serialport+bindings-cpp.armv8.glibc.node',
      'node_modules/node-hid/prebuilds/HID-linux-arm64/node-napi-v4.node',
      'node_modules/node-hid/package.json',
    ]);
  });

  it('drops Windows build projects and node scripts, which no kiosk runs', () => {
    const heads: Record<string, string> = {
      'a/tools/conversion.js': '#! /usr/bin/env node\n',
      'a/src/show-devices.js': '#!/usr/bin/env node\n',
      'a/lib/index.js': "'use strict';\n",
    };
    expect(
      unusedTools(
        ['a/binding.vcxproj', 'a/binding.sln', ...Object.keys(heads)],
        (f) => heads[f] ?? '',
      ),
    ).toEqual([
      'a/binding.vcxproj',
      'a/binding.sln',
      'a/tools/conversion.js',
      'a/src/show-devices.js',
    ]);
  });
});
