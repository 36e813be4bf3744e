import { err, ok } from '../../../core/result';
import { isSimulatedFault } from '../../devices/demo/demo-rig';
import type { HandlerGroup, KioskParts } from '../context';

/** What these handlers use of the kiosk, and nothing else. */
export type DemoDeps = Pick<KioskParts, 'cardOnReader' | 'demo' | 'log'>;

type DemoMethods =
  'demoListCards' | 'demoPlaceCard' | 'demoRemoveCard' | 'demoScan' | 'demoSetFault';

/** Demo mode only (some device simulated): the demo dock, fault injection for tests and technicians. */
export function demoHandlers(ctx: DemoDeps): HandlerGroup<DemoMethods> {
  const { demo } = ctx;
  const notDemo = () => err('not_demo', 'this kiosk is not a demonstration (config: demo)');
  return {
    async demoListCards() {
      return demo === null
        ? notDemo()
        : ok({ cards: [...demo.cards()], cardOnReader: ctx.cardOnReader() });
    },
    async demoPlaceCard({ cardId }) {
      if (demo === null) return notDemo();
      return demo.placeCard(cardId) ? ok({}) : err('unknown_card', `no sample card "${cardId}"`);
    },
    async demoRemoveCard() {
      if (demo === null) return notDemo();
      demo.removeCard();
      return ok({});
    },
    async demoScan({ text }) {
      if (demo === null) return notDemo();
      return demo.scan(text)
        ? ok({})
        : err('no_simulated_scanner', 'no simulated scanner is configured');
    },
    async demoSetFault({ deviceId, fault, on }) {
      if (demo === null) return notDemo();
      if (!isSimulatedFault(fault)) return err('unknown_fault', `no fault "${fault}"`);
      const result = demo.setFault(deviceId, fault, on);
      if (!result.ok) return result;
      ctx.log.info('demo.fault', { device: deviceId, fault, on });
      return ok({});
    },
  };
}
