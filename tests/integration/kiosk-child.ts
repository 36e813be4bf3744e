import { serviceId } from '../service-id';
import { cpSync, closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { launchKiosk } from '../../electron/kiosk/launch';
import type { KioskService } from '../../electron/kiosk/service';
import { createLogger } from '../../electron/shared/log';
import { testClock } from '../test-clock';
import { passportSubmission } from '../fixtures/sample-application';
import { CITIZEN, TECHNICIAN } from './callers';

/**
 * The whole kiosk service (demo devices) in a process of its own, for tests
 * that kill it -9, damage its files at rest, or fill its disk. It takes
 * `count` passport applications as a citizen would — a session, the card on
 * the reader, the form submitted — printing "STORED <no>" after each commit,
 * then "IDLE", and then obeys lines on stdin:
 *   submit  one more application: "STORED <no>" or "REFUSED_SUBMIT <code>"
 *   fill    fills the disk holding the data folder (a file beside it): "FILLED"
 *   free    removes that file: "FREED"
 *   status  "STATUS <json>": applications, queue, audit backlog
 *   sessions N  N sessions started and cancelled (two audit entries each): "SESSIONS"
 *   stop    stops cleanly, copies the data folder to <exportDir> if given, exits 0
 * Usage: kiosk-child <dataDir> <rulesDir> <count> [configFile] [exportDir]
 */

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function submitOne(service: KioskService): Promise<void> {
  const { handlers, subscribe } = service;
  const read = new Promise<void>((done) => {
    const off = subscribe((event) => {
      if (event !== 'cardRead') return;
      off();
      done();
    });
  });
  await handlers.startSession({ serviceId: serviceId('passport-first') }, CITIZEN);
  await handlers.demoPlaceCard({ cardId: 'adult' }, CITIZEN);
  await read;
  const submitted = await handlers.submitApplication(passportSubmission(), CITIZEN);
  say(
    submitted.ok
      ? `STORED ${submitted.value.applicationNo}`
      : `REFUSED_SUBMIT ${submitted.error.code}`,
  );
  await handlers.demoRemoveCard({}, CITIZEN);
  await handlers.endSession({ reason: 'finished' }, CITIZEN);
}

/** Writes until the file system says ENOSPC: the disk is then full to the last block. */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 512]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          writeSync(fd, chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

async function main(): Promise<void> {
  const [dataDir = '', rulesDir = '', countText = '0', configFile = '', exportDir = ''] =
    process.argv.slice(2);
  const started = await launchKiosk({
    config: configFile === '' ? { kind: 'demo' } : { kind: 'file', path: configFile },
    dataDir,
    rulesDir,
    version: 'fault-test',
    // Log lines go to stderr too, as to the journal: on a full disk the file cannot take them.
    log: createLogger({ file: join(dataDir, 'logs', 'kiosk.log') }),
    clock: testClock(),
  });
  if (!started.ok) {
    say(`REFUSED ${started.error.stage}/${started.error.code} ${started.error.message}`);
    process.exit(3);
  }
  const service = started.value;
  for (let i = 0; i < Number(countText); i += 1) await submitOne(service);
  say('IDLE');
  const filler = join(dirname(dataDir), 'filler');
  let queue = Promise.resolve();
  createInterface({ input: process.stdin }).on('line', (command) => {
    queue = queue.then(async () => {
      const [verb = '', arg = '0'] = command.split(' ');
      switch (verb) {
        case 'submit':
          return submitOne(service);
        case 'fill':
          fill(filler);
          return say('FILLED');
        case 'free':
          rmSync(filler, { force: true });
          return say('FREED');
        case 'sessions':
          for (let i = 0; i < Number(arg); i += 1) {
            await service.handlers.startSession(
              { serviceId: serviceId('passport-first') },
              CITIZEN,
            );
            await service.handlers.endSession({ reason: 'cancelled' }, CITIZEN);
          }
          return say('SESSIONS');
        case 'status': {
          const diagnostics = await service.handlers.getDiagnostics({}, TECHNICIAN);
          return say(`STATUS ${JSON.stringify(diagnostics.ok ? diagnostics.value : null)}`);
        }
        case 'stop':
          await service.stop();
          if (exportDir !== '') cpSync(dataDir, exportDir, { recursive: true });
          process.exit(0);
      }
    });
  });
}

main().catch((cause: unknown) => {
  process.stderr.write(`${cause instanceof Error ? cause.stack : String(cause)}\n`);
  process.exit(1);
});
