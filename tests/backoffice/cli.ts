import { systemClock } from '../../core/clock';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../../electron/config/default';
import { makeTestPki } from './certs';
import { startBackOffice } from './server';

/**
 * `npm run backoffice -- [--dir backoffice-data] [--port 8443] [--kiosk DEMO-01] [--rules <signed folder>]`:
 * the test back office on its own, for demos. Certificates and everything it
 * accepts live in <dir>, so stopping it (Ctrl+C) and starting it again with
 * the same folder and port picks up where it was. Writes <dir>/kiosk.json, the
 * embedded demo config (simulated devices) plus the `backOffice` block, and
 * prints the command that starts a kiosk with it. With `--rules`, it offers the
 * signed rule bundle in that folder to kiosks with an older one.
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'backoffice-data' },
    port: { type: 'string', default: '8443' },
    kiosk: { type: 'string', default: defaultConfig.kioskId },
    rules: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const dir = resolve(values.dir);
  const pki = makeTestPki(resolve(dir, 'pki'));
  const client = pki.client(values.kiosk);
  const office = await startBackOffice({
    dir: resolve(dir, 'store'),
    pki,
    port: Number(values.port),
    ...(values.rules === undefined ? {} : { rulesFolder: resolve(values.rules) }),
  });
  const backOffice = {
    url: office.url,
    caFile: pki.caFile,
    certFile: client.certFile,
    keyFile: client.keyFile,
  };
  const configPath = resolve(dir, 'kiosk.json');
  writeFileSync(
    configPath,
    `${JSON.stringify({ ...defaultConfig, kioskId: values.kiosk, backOffice }, null, 2)}\n`,
  );
  process.stdout.write(
    `test back office listening at ${office.url}\n` +
      `backOffice block for a kiosk config (its kioskId must be "${values.kiosk}"):\n${JSON.stringify({ backOffice }, null, 2)}\n` +
      `a demo kiosk using it:  KIOSK_CONFIG=${configPath} npm run start:web\n`,
  );
  let last = -1;
  setInterval(() => {
    const count = office.stored().length;
    if (count !== last)
      process.stdout.write(`${systemClock.now().toISOString()} applications stored: ${count}\n`);
    last = count;
  }, 1000);
  const stop = (): void => {
    void office.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
