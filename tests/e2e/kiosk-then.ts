import { demoConfig, startKiosk } from './kiosk-process';

/*
 * For kiosk-process.test.ts: starts a kiosk, says its pid, then fails (`fail`) or waits to be
 * stopped (`wait`), as a bench would. Lives beside kiosk-process.ts because run-ts gives every
 * bundled module the entry's folder as __dirname, and kiosk-process finds the build from it.
 */
const mode = process.argv[2];
void startKiosk({ config: demoConfig() }).then((kiosk) => {
  console.log(`KIOSK_PID=${String(kiosk.process.pid)}`);
  if (mode === 'fail') throw new Error('the bench failed');
  setInterval(() => undefined, 1000);
});
