import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A throw-away PKI made with Debian's openssl at test time (no private key is
 * ever committed): the station CA, the back office's server certificate, a
 * client certificate per kiosk (CN = kiosk id), and a rogue CA with its own
 * server certificate for the "wrong certificate" fault.
 */
export interface TestPki {
  readonly dir: string;
  readonly caFile: string;
  readonly serverCertFile: string;
  readonly serverKeyFile: string;
  readonly rogueCertFile: string;
  readonly rogueKeyFile: string;
  /** A client certificate for the kiosk id (CN), valid `days` days from now (2 unless asked). */
  readonly client: (
    kioskId: string,
    days?: number,
  ) => { readonly certFile: string; readonly keyFile: string };
}

const openssl = (args: readonly string[], cwd: string): void => {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
};

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

function makeCa(dir: string, name: string, cn: string): void {
  openssl(
    [
      'req',
      '-x509',
      ...EC,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-days',
      '400',
      '-subj',
      `/CN=${cn}`,
    ],
    dir,
  );
}

function makeLeaf(
  dir: string,
  ca: string,
  name: string,
  cn: string,
  extensions: string,
  days = 2,
): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(
    ['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.crt`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      '-out',
      `${name}.crt`,
      '-days',
      String(days),
      '-extfile',
      `${name}.ext`,
    ],
    dir,
  );
}

const SERVER_EXT = 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n';
const CLIENT_EXT = 'extendedKeyUsage=clientAuth\n';

/** Creates the PKI in `dir`, or reuses the one already there (a restarted demo back office keeps its certificates). */
export function makeTestPki(dir: string): TestPki {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'rogue-server.crt'))) {
    makeCa(dir, 'ca', 'Test Station CA');
    makeLeaf(dir, 'ca', 'server', 'backoffice.test', SERVER_EXT);
    makeCa(dir, 'rogue-ca', 'Somebody Else CA');
    makeLeaf(dir, 'rogue-ca', 'rogue-server', 'backoffice.test', SERVER_EXT);
  }
  const clients = new Map<string, { certFile: string; keyFile: string }>();
  return {
    dir,
    caFile: join(dir, 'ca.crt'),
    serverCertFile: join(dir, 'server.crt'),
    serverKeyFile: join(dir, 'server.key'),
    rogueCertFile: join(dir, 'rogue-server.crt'),
    rogueKeyFile: join(dir, 'rogue-server.key'),
    client(kioskId, days = 2) {
      const name = days === 2 ? `client-${kioskId}` : `client-${kioskId}-${days}d`;
      const known = clients.get(name);
      if (known !== undefined) return known;
      if (!existsSync(join(dir, `${name}.crt`)))
        makeLeaf(dir, 'ca', name, kioskId, CLIENT_EXT, days);
      const files = { certFile: join(dir, `${name}.crt`), keyFile: join(dir, `${name}.key`) };
      clients.set(name, files);
      return files;
    },
  };
}

/**
 * Client certificates for a simulated fleet: one key shared by all (a
 * simulation, not a deployment), one certificate per kiosk id, made
 * `parallel` at a time (openssl's start-up is most of the ~50 ms each) and
 * kept in the PKI's folder for the next run.
 */
export async function fleetClients(
  pki: TestPki,
  kioskIds: readonly string[],
  parallel = Math.max(2, availableParallelism()),
): Promise<{ kioskId: string; certFile: string; keyFile: string }[]> {
  const dir = join(pki.dir, 'fleet');
  mkdirSync(dir, { recursive: true });
  const keyFile = join(dir, 'fleet.key');
  const pubFile = join(dir, 'fleet.pub');
  if (!existsSync(pubFile)) {
    openssl(
      ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', keyFile],
      dir,
    );
    openssl(['pkey', '-in', keyFile, '-pubout', '-out', pubFile], dir);
    writeFileSync(join(dir, 'client.ext'), CLIENT_EXT);
  }
  const run = promisify(execFile);
  const todo = kioskIds.filter((id) => !existsSync(join(dir, `${id}.crt`)));
  const next = { index: 0 };
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let id = todo[next.index++]; id !== undefined; id = todo[next.index++]) {
        // x509 -new (OpenSSL 3): a certificate for a given public key in one run, no CSR.
        await run(
          'openssl',
          [
            'x509',
            '-new',
            '-subj',
            `/CN=${id}`,
            '-force_pubkey',
            pubFile,
            '-CA',
            join(pki.dir, 'ca.crt'),
            '-CAkey',
            join(pki.dir, 'ca.key'),
            // A serial of its own: the CA's serial file would be raced by the parallel runs.
            '-set_serial',
            `0x${randomBytes(15).toString('hex')}`,
            '-days',
            '365',
            '-extfile',
            join(dir, 'client.ext'),
            '-out',
            join(dir, `${id}.crt.tmp`),
          ],
          { cwd: dir },
        );
        // Whole or absent: a run stopped mid-way leaves no half certificate to reuse.
        renameSync(join(dir, `${id}.crt.tmp`), join(dir, `${id}.crt`));
      }
    }),
  );
  return kioskIds.map((kioskId) => ({ kioskId, certFile: join(dir, `${kioskId}.crt`), keyFile }));
}
