import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeTestPki } from './certs';
import { startBackOffice } from './server';

/**
 * `npm run backoffice -- --dir <folder> [--port 8443] [--kiosk KIOSK-ID]`: the
 * test back office on its own, for demos. Certificates and everything it
 * accepts live in <folder>, so stopping it (Ctrl+C) and starting it again with
 * the same folder and port picks up where it was. Prints the `backOffice`
 * block to paste into the kiosk config.
 */
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'backoffice-data' },
    port: { type: 'string', default: '8443' },
    kiosk: { type: 'string', default: 'KIOSK-DEMO-01' },
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
  });
  process.stdout.write(
    `test back office listening at ${office.url}\n` +
      `kiosk config (kioskId must be "${values.kiosk}"):\n` +
      `${JSON.stringify({ backOffice: { url: office.url, caFile: pki.caFile, certFile: client.certFile, keyFile: client.keyFile } }, null, 2)}\n`,
  );
  let last = -1;
  setInterval(() => {
    const count = office.stored().length;
    if (count !== last)
      process.stdout.write(`${new Date().toISOString()} applications stored: ${count}\n`);
    last = count;
  }, 1000);
  const stop = (): void => {
    void office.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
