/**
 * Method and event names of the contract as plain strings, so the sandboxed
 * preload can build `window.kiosk` without bundling zod. `contract.ts` is
 * typed against these lists: a name missing on either side fails to compile.
 */
export const METHOD_NAMES = [
  'getKioskInfo',
  'recognizeHandwriting',
  'synthesizeSpeech',
  'listServices',
  'getService',
  'startSession',
  'endSession',
  'getSessionIdentity',
  'getCardPhoto',
  'submitApplication',
  'getApplicationStatus',
  'openPayment',
  'payByCode',
  'payByQr',
  'lookPayment',
  'leavePayment',
  'finishPayment',
  'rateService',
  'checkStorage',
  'guideAction',
  'addCapture',
  'removeCapture',
  'faceConsent',
  'verifyFace',
  'photoFrame',
  'capturePortrait',
  'keepPortrait',
  'getQueueStatus',
  'syncNow',
  'listDevices',
  'listRuleProblems',
  'callStaff',
  'getHelpRequest',
  'answerStaffCall',
  'staffUnlock',
  'staffLock',
  'staffStatus',
  'getDiagnostics',
  'deviceSelfTest',
  'getFrameLog',
  'exportReadinessReport',
  'printSlip',
  'printForm',
  'printRefusal',
  'demoSetFault',
  'demoListCards',
  'demoPlaceCard',
  'demoRemoveCard',
  'demoScan',
] as const;

export const EVENT_NAMES = [
  'cardPresent',
  'cardRead',
  'cardRemoved',
  'cardError',
  'scan',
  'devicesChanged',
  'helpRequest',
  'rulesChanged',
  'staffChanged',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

/** IPC channel of a method; events all travel on EVENT_CHANNEL. */
export const methodChannel = (name: MethodName): string => `kiosk:call:${name}`;
export const EVENT_CHANNEL = 'kiosk:event';
