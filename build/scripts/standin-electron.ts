import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateRawSync } from 'node:zlib';

/**
 * A stand-in for an Electron release zip, for building the packages where the
 * real one cannot be downloaded. Its `electron` is a shell script that says
 * what it is and exits 3; when STANDIN_ARGV_FILE is set it first writes its
 * arguments there, so a test can see how the launcher starts the app.
 */
const ELECTRON = `#!/bin/sh
# STAND-IN for the Electron binary: this package was built without the real one.
if [ -n "\${STANDIN_ARGV_FILE:-}" ]; then printf '%s\\n' "$@" > "$STANDIN_ARGV_FILE"; fi
echo "police-kiosk: STAND-IN Electron — this build cannot run the kiosk (see /usr/share/doc/police-kiosk/STAND-IN-ELECTRON.txt)" >&2
exit 3
`;

interface Entry {
  readonly name: string;
  readonly data: Buffer;
  readonly mode: number;
}

/** CRC-32 (IEEE), as zip needs it. */
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A minimal zip (deflate, Unix modes) — enough for electron-builder to unpack. */
function zip(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix: the external attributes hold the mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | entry.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

export function zipStandInElectron(path: string, arch: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    zip([
      { name: 'electron', data: Buffer.from(ELECTRON), mode: 0o755 },
      { name: 'chrome-sandbox', data: Buffer.from('stand-in\n'), mode: 0o755 },
      { name: 'version', data: Buffer.from(`stand-in (${arch})\n`), mode: 0o644 },
      { name: 'LICENSE', data: Buffer.from('stand-in for Electron; not Electron\n'), mode: 0o644 },
      { name: 'resources/.keep', data: Buffer.alloc(0), mode: 0o644 },
    ]),
  );
}
