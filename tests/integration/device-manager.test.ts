import { testClock } from '../test-clock';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceConfigSchema } from '../../electron/config/schema';
import { createDemoRig, type DemoControls } from '../../electron/devices/demo/demo-rig';
import { createDeviceManager, type DeviceManager } from '../../electron/devices/manager';
import { receiptText } from '../../electron/devices/printer/receipt-text';
import { testReceipt } from '../../electron/devices/printer/slip-receipt';
import { createLogger } from '../../electron/shared/log';
import { eventually } from './pty-pair';
import { slipLines } from '../../core/slip-lines';
import { sampleSlip } from '../fixtures/sample-slip';

/** A slip as the kiosk prints it: the printer lays it out for its own roll. */
const lines = slipLines(sampleSlip(), 'zh-CN');

const configs = [
  {
    id: 'idcard-1',
    kind: 'idcard',
    transport: { type: 'simulated' },
    options: { pollIntervalMs: 50 },
  },
  { id: 'scanner-1', kind: 'scanner', transport: { type: 'simulated' } },
  { id: 'printer-1', kind: 'printer', transport: { type: 'simulated' } },
  {
    id: 'printer-2',
    kind: 'printer',
    transport: { type: 'serial', path: '/dev/does-not-exist', baudRate: 9600 },
  },
].map((c) => deviceConfigSchema.parse(c));

/** The device manager with simulated devices and one that is not there, as a demo kiosk runs it. */
describe('device manager', () => {
  let manager: DeviceManager;
  let demo: DemoControls;
  /** The manager as the kiosk service builds it in demo mode: links from the demo rig. */
  const start = async (): Promise<void> => {
    const clock = testClock();
    const rig = createDemoRig(configs, clock);
    demo = rig.controls;
    manager = createDeviceManager(configs, {
      log: createLogger({ quiet: true }),
      clock,
      openLink: rig.openLink,
    });
    await manager.start();
  };
  afterEach(async () => {
    await manager.stop();
  });

  it('reports each device, with the SAM id, and survives one that is missing', async () => {
    await start();
    const state = (id: string) => manager.health().find((h) => h.id === id);
    await eventually(
      'the reader to be ready with its SAM id',
      () => state('idcard-1')?.state === 'ready' && state('idcard-1')?.facts['samId'] !== undefined,
    );
    await eventually('the printer to be ready', () => state('printer-1')?.state === 'ready');
    expect(state('printer-2')).toMatchObject({
      state: 'offline',
      address: '/dev/does-not-exist @9600',
    });
    expect(state('printer-2')?.lastError).toMatch(/does-not-exist|No such file/);
  });

  it('prints on the first printer and reads a scan from the simulated scanner', async () => {
    await start();
    await eventually(
      'the printer to be ready',
      () => manager.health().find((h) => h.id === 'printer-1')?.state === 'ready',
    );
    const scans: string[] = [];
    manager.onScan((s) => scans.push(s.text));
    expect(demo.scan('GAKIOSK:20261127-ABC123-X')).toBe(true);
    await eventually('a scan', () => scans.length === 1);
    expect(scans).toEqual(['GAKIOSK:20261127-ABC123-X']);
    await expect(manager.printSlip(lines, null)).resolves.toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('refuses to print with paper out, marks the printer faulty, and recovers', async () => {
    await start();
    const printer = () => manager.health().find((h) => h.id === 'printer-1');
    await eventually('the printer to be ready', () => printer()?.state === 'ready');
    expect(demo.setFault('printer-1', 'paperOut', true)).toEqual({
      ok: true,
      value: undefined,
    });
    await expect(manager.printSlip(lines, null)).resolves.toMatchObject({
      ok: false,
      error: { code: 'paper_out' },
    });
    expect(printer()).toMatchObject({ state: 'fault', lastError: 'paper_out' });
    demo.setFault('printer-1', 'paperOut', false);
    await expect(manager.printSlip(lines, null)).resolves.toMatchObject({ ok: true });
    await eventually('the printer to be ready again', () => printer()?.state === 'ready');
  });

  it('goes offline when a simulated device is unplugged and comes back when replugged', async () => {
    await start();
    const reader = () => manager.health().find((h) => h.id === 'idcard-1');
    await eventually('ready', () => reader()?.state === 'ready');
    demo.setFault('idcard-1', 'unplugged', true);
    await eventually('offline', () => reader()?.state === 'offline');
    demo.setFault('idcard-1', 'unplugged', false);
    await eventually('ready again', () => reader()?.state === 'ready', 5000);
    const cards: string[] = [];
    manager.onIdCard((_id, e) => {
      if (e.type === 'card-read') cards.push(e.identity.name);
    });
    demo.placeCard('elder');
    await eventually('a card read after replug', () => cards.length === 1);
    expect(receiptText(testReceipt(['ok'], 58))).toContain('ok');
  });
});
