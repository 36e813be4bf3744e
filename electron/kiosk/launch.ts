import type { Clock } from '../../core/clock';
import { ok, type Result } from '../../core/result';
import { loadConfig } from '../config/load';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../shared/log';
import type { DataKeySource } from '../store/data-key';
import type { ConfigSource } from './config-source';
import type { SystemPrinter } from './context';
import { openKioskService, type KioskService } from './service';
import { startFailure, type StartFailure } from './start-failure';

export interface LaunchOptions {
  /** The config file, the embedded demo, or why there is none (`configSource`). */
  readonly config: ConfigSource;
  readonly dataDir: string;
  readonly rulesDir: string;
  readonly version: string;
  readonly log: Logger;
  readonly clock: Clock;
  readonly systemPrinter?: SystemPrinter;
  readonly heartbeatFile?: string;
  /** A packaged kiosk requires signed rule bundles unless its config says otherwise. */
  readonly packaged?: boolean;
  /** How the data key is protected, given the config (Electron: safeStorage). */
  readonly dataKey?: (config: KioskConfig) => DataKeySource;
}

/**
 * Starts the kiosk, from its config to its devices and sync, and says in one
 * typed value where it stopped if it could not. Never throws: an unexpected
 * exception is a failure of stage `unexpected`, and whatever was opened is
 * closed again. Electron shows the out-of-service page with the reason; the
 * web host does the same in the browser.
 */
export async function launchKiosk(
  options: LaunchOptions,
): Promise<Result<KioskService, StartFailure>> {
  if (options.config.kind === 'missing') {
    return startFailure('config', { code: 'config_missing', message: options.config.message });
  }
  const config = loadConfig(options.config.kind === 'file' ? options.config.path : undefined);
  if (!config.ok) return startFailure('config', config.error);
  let service: KioskService | null = null;
  try {
    const opened = await openKioskService({
      config: config.value,
      dataDir: options.dataDir,
      rulesDir: options.rulesDir,
      version: options.version,
      log: options.log,
      clock: options.clock,
      ...(options.systemPrinter ? { systemPrinter: options.systemPrinter } : {}),
      ...(options.heartbeatFile ? { heartbeatFile: options.heartbeatFile } : {}),
      packaged: options.packaged === true,
      ...(options.dataKey ? { dataKey: options.dataKey(config.value) } : {}),
    });
    if (!opened.ok) return opened;
    service = opened.value;
    await service.start();
    return ok(service);
  } catch (cause) {
    options.log.error('app.start_crashed', {
      error: cause instanceof Error ? cause.name : 'unknown',
    });
    await service?.stop().catch(() => undefined);
    return startFailure('unexpected', {
      code: 'start_crashed',
      message: `the kiosk failed while starting: ${cause instanceof Error ? cause.message : String(cause)}`,
    });
  }
}
