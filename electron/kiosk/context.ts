import type { ServiceId } from '../../core/ids';
import type { Handwriting } from '../input/handwriting';
import type { SpeechEngine } from '../speech/engine';
import type { Clock } from '../../core/clock';
import type { EventName, EventPayload, KioskHandlers, MethodName } from '../../core/api/contract';
import type { KioskConfig } from '../config/schema';
import type { DemoControls } from '../devices/demo/demo-rig';
import type { DeviceManager } from '../devices/manager';
import type { Logger } from '../shared/log';
import type { AuditLog } from '../audit/audit-log';
import type { Result } from '../../core/result';
import type { ApplicationStore } from '../store/applications';
import type { StorageStatus } from '../store/disk-space';
import type { EvaluationStore } from '../store/evaluations';
import type { Outbox } from '../store/outbox';
import type { SyncWorker } from '../sync/worker';
import type { PaymentDesk } from '../payment/desk';
import type { BackOfficeClient } from '../sync/client';
import type { FaceDesk } from './face-desk';
import type { HelpDesk } from './help-desk';
import type { RuleSet } from './rule-files';
import type { SessionKeeper } from './session';
import type { StaffAuth } from './staff-auth';

export type KioskEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface SystemPrinter {
  /** Prints the current page (its print stylesheet shows only the A4 form) without a dialog. */
  print(printerName: string | null): Promise<Result<{ printer: string }>>;
}

/**
 * The parts of a running kiosk, built once in service.ts. No handler takes
 * them all: each group names the few it uses (`SessionDeps`, …), so it can be
 * built and tested with those alone.
 */
export interface KioskParts {
  readonly config: KioskConfig;
  readonly dataDir: string;
  readonly version: string;
  readonly log: Logger;
  readonly clock: Clock;
  /** The rules in use: a newer signed bundle replaces them between sessions. */
  readonly ruleSet: RuleSet;
  readonly store: ApplicationStore;
  readonly outbox: Outbox;
  readonly audit: AuditLog;
  /** null when no back office is configured: applications stay queued on the kiosk. */
  readonly sync: SyncWorker | null;
  /** How the data key is protected, for diagnostics. */
  readonly keyProtection: string;
  readonly storage: () => StorageStatus;
  /** Prints the kiosk page's A4 form on a system printer (Electron); null in the web host. */
  readonly systemPrinter: SystemPrinter | null;
  readonly devices: DeviceManager;
  /** The simulators' controls when some device is simulated (demo mode); null on a real kiosk. */
  readonly demo: DemoControls | null;
  readonly sessions: SessionKeeper;
  readonly staff: StaffAuth;
  /** The open call for a hall guide (呼叫工作人员). */
  readonly help: HelpDesk;
  readonly emit: KioskEventListener;
  /** Offline handwriting recognition (zinnia); `available: false` when it is not installed. */
  readonly handwriting: Handwriting;
  /** The kiosk's own voice (eSpeak NG in a thread); `available: false` when its files are missing. */
  readonly speech: SpeechEngine;
  /** 人证核验 and the 证件照 (face-desk.ts). */
  readonly face: FaceDesk;
  /** 好差评 waiting for the back office. */
  readonly evaluations: EvaluationStore;
  /** Sends the waiting 好差评 now (a no-op without a back office). */
  readonly sendEvaluations: () => void;
  /** 缴费 through the back office (electron/payment/desk.ts). */
  readonly payments: PaymentDesk;
  /** Whether this kiosk takes the fee for an item: config payment on, the item listed, a back office. */
  readonly paysHere: (serviceId: ServiceId) => boolean;
  /** 再次签注: the back office's endorsement call; null without a back office. */
  readonly endorsements: Pick<BackOfficeClient, 'requestEndorsement'> | null;
  /** The camera looks at citizens: config face.enabled, a camera configured, the model's files present. */
  readonly faceEnabled: boolean;
  /** A card lies on the reader (read or not). */
  readonly cardOnReader: () => boolean;
}

/** A group of contract methods; service.ts spreads the groups into one `KioskHandlers`. */
export type HandlerGroup<M extends MethodName> = Pick<KioskHandlers, M>;
