import type { DeviceConfigOf } from '../../config/schema';
import { err } from '../../../core/result';
import type { ManagedDevice } from './device';
import { healthTracker } from './device';
import { addressOf } from './links';

/**
 * The document camera is used by the renderer through getUserMedia; the main
 * process only lists it. Its live check is the capture screen itself.
 */
export function createCameraDevice(
  config: DeviceConfigOf<'camera'>,
  onHealth: () => void,
): ManagedDevice {
  const tracker = healthTracker(config, addressOf(config), onHealth);
  return {
    config,
    health: () => tracker.health(),
    async start() {
      tracker.set('ready', null);
    },
    async stop() {},
    selfTest: async () =>
      err('renderer_only', 'the camera is tested from the capture screen (getUserMedia)'),
    frameLog: () => [],
  };
}
