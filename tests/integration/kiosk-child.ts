import { createInterface } from 'node:readline';
import { launchKiosk } from '../../electron/kiosk/launch';
import { createLogger } from '../../electron/shared/log';
import { testClock } from '../test-clock';

/**
 * The whole kiosk service (demo devices) in a process of its own, for tests
 * that kill it -9 and then damage its files at rest. It takes `count`
 * passport applications as a citizen would — a session, the card on the
 * reader, the form submitted — prints "STORED <no>" after each commit, then
 * "IDLE" and waits to be killed, so the last commits are still in the WAL.
 * Usage: kiosk-child <dataDir> <rulesDir> <count>
 */
const answers = {
  mobile: '13800138000',
  surnamePinyin: 'WANG',
  givenNamePinyin: 'XIAOMING',
  registeredPersonnel: 'no',
  pickup: 'inPerson',
};

async function main(): Promise<void> {
  const [dataDir = '', rulesDir = '', countText = '0'] = process.argv.slice(2);
  const started = await launchKiosk({
    config: { kind: 'demo' },
    dataDir,
    rulesDir,
    version: 'fault-test',
    log: createLogger({ quiet: true }),
    clock: testClock(),
  });
  if (!started.ok) {
    process.stdout.write(`REFUSED ${started.error.stage}/${started.error.code}\n`);
    process.exit(3);
  }
  const { handlers, subscribe } = started.value;
  for (let i = 0; i < Number(countText); i += 1) {
    const read = new Promise<void>((done) => {
      const off = subscribe((event) => {
        if (event !== 'cardRead') return;
        off();
        done();
      });
    });
    await handlers.startSession({ serviceId: 'passport-first' });
    await handlers.demoPlaceCard({ cardId: 'adult' });
    await read;
    const submitted = await handlers.submitApplication({
      serviceId: 'passport-first',
      answers,
      materials: {},
      manualEntry: false,
    });
    if (!submitted.ok) throw new Error(`submit refused: ${submitted.error.code}`);
    process.stdout.write(`STORED ${submitted.value.applicationNo}\n`);
    await handlers.demoRemoveCard({});
    await handlers.endSession({ reason: 'finished' });
  }
  process.stdout.write('IDLE\n');
  // Waits for the kill; a line on stdin ends it cleanly instead.
  createInterface({ input: process.stdin }).once('line', () => {
    void started.value.stop().then(() => process.exit(0));
  });
}

main().catch((cause: unknown) => {
  process.stderr.write(`${cause instanceof Error ? cause.stack : String(cause)}\n`);
  process.exit(1);
});
