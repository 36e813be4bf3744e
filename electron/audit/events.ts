import type { AuditActor } from './chain';

/**
 * Every entry the kiosk writes to its audit log: who writes it, what each
 * field holds, and what it means. The type of `AuditLog.record` comes from
 * here, so an entry that is not in this catalogue, or with a field it does
 * not list, does not compile; `npm run audit:doc` writes the auditors' page
 * (docs/audit-events.md) from it, and a unit test keeps that page current.
 *
 * A field name ending in `?` is written only in some cases. No field ever
 * holds personal data: ids, counts, codes, states (chain.ts scrubs anyway).
 */
interface EventSpec {
  readonly actors: readonly AuditActor[];
  readonly meaning: string;
  readonly fields: Readonly<Record<string, string>>;
}

const SESSION = 'the citizen session (a random id, not a person)';
const APPLICATION = 'the application number printed on the slip';
const ORDER = 'the payment order number';
const STAFF: readonly AuditActor[] = ['guide', 'technician'];

const guideAction = (meaning: string): EventSpec => ({
  actors: STAFF,
  meaning,
  fields: {
    session: SESSION,
    service: 'the service item',
    value: 'on/off, or the green-channel reason id (null: taken back)',
  },
});

const paymentMove = (meaning: string): EventSpec => ({
  actors: ['citizen', 'system'],
  meaning,
  fields: {
    order: ORDER,
    application: APPLICATION,
    amountFen: 'the amount, in fen',
    from: 'the state before',
    'attention?': 'why a person must act (a reversal the platform refused)',
    'reason?': 'why the order ended that way',
  },
});

const flapping = (what: string): EventSpec => ({
  actors: ['system', 'sync'],
  meaning: `${what} changed state more than once within a minute: the changes after the first, folded into one entry`,
  fields: {
    subject: 'which device or link',
    changes: 'how many changes were folded',
    state: 'the state at the end',
    overSeconds: 'over how many seconds',
  },
});

export const AUDIT_EVENTS = {
  'app.start': {
    actors: ['system'],
    meaning: 'The kiosk started.',
    fields: {
      version: 'the software version',
      kioskId: 'this kiosk',
      config: 'hash of the configuration',
      rules: 'hash of the rules in use',
    },
  },
  'app.stop': { actors: ['system'], meaning: 'The kiosk stopped cleanly.', fields: {} },
  'config.changed': {
    actors: ['system'],
    meaning: 'The configuration differs from the last start.',
    fields: { from: 'the previous hash', to: 'the new hash' },
  },
  'rules.changed': {
    actors: ['system'],
    meaning: 'The rules in use differ from the last start.',
    fields: {
      from: 'the previous hash',
      to: 'the new hash',
      services: 'how many service items load',
      refused: 'how many rule files were refused',
      bundle: 'the signed bundle version (null: unsigned)',
      reviewedBy: 'who signed the bundle off',
      source: 'where the rules came from',
    },
  },
  'rules.bundle_refused': {
    actors: ['system'],
    meaning: 'A signed rule bundle did not verify: the kiosk serves the last good one.',
    fields: {
      file: 'the refused file',
      action: 'what the kiosk did instead',
      reason: 'the first problem found',
      serving: 'the bundle version still served',
    },
  },
  'rules.downloaded': {
    actors: ['system'],
    meaning: 'A newer signed bundle arrived from the back office and verified.',
    fields: { version: 'its version', reviewedBy: 'who signed it off' },
  },
  'rules.download_refused': {
    actors: ['system'],
    meaning: 'A bundle from the back office did not verify; it is not asked for again.',
    fields: { version: 'its version', reason: 'why' },
  },
  'rules.applied': {
    actors: ['system'],
    meaning: 'Newer rules took effect (between citizens).',
    fields: {
      from: 'the version before',
      to: 'the version now',
      source: 'where they came from',
      services: 'how many service items load',
      refused: 'how many rule files were refused',
    },
  },
  'rules.update_refused': {
    actors: ['system'],
    meaning: 'A downloaded bundle verified but did not load whole: the kiosk kept its rules.',
    fields: { version: 'the refused version', serving: 'the version still served', reason: 'why' },
  },
  'integrity.refused': {
    actors: ['system'],
    meaning:
      'The data folder failed its integrity check at start: the kiosk stops with the reason.',
    fields: { code: 'the fault' },
  },
  'integrity.adopted': {
    actors: ['system'],
    meaning:
      'A data folder without an integrity record was adopted (first start after an upgrade).',
    fields: { everStored: 'how many applications it had ever stored' },
  },
  'integrity.loss_accepted': {
    actors: ['technician'],
    meaning:
      'A technician accepted a loss the kiosk had refused to start with (police-kiosk accept-loss).',
    fields: {
      fault: 'what was wrong',
      missing: 'applications counted but no longer held',
      everStored: 'how many applications had ever been stored',
    },
  },
  'audit.key_exported': {
    actors: ['technician'],
    meaning: 'A technician exported an audit key epoch (no back office to hand it to).',
    fields: { epoch: 'the key epoch' },
  },
  'audit.key_handed_over': {
    actors: ['system'],
    meaning: "The back office confirmed it holds an audit key epoch: the kiosk's copy is erased.",
    fields: { epoch: 'the key epoch', to: 'who holds it now' },
  },
  'audit.key_epoch': {
    actors: ['system'],
    meaning:
      'The audit log began a new key epoch (its MAC key evolves; the starting key waits for the back office).',
    fields: { reason: 'why a new epoch began' },
  },
  'audit.segment_started': {
    actors: ['system'],
    meaning: 'The live segment grew past its size and was sealed; this entry starts the next one.',
    fields: { previous: 'the sealed segment’s file name' },
  },
  'audit.entries_dropped': {
    actors: ['system'],
    meaning:
      'The disk was full for longer than the kiosk could hold entries in memory: how many were lost.',
    fields: { count: 'how many entries were counted, not kept' },
  },
  'audit.torn_line_closed': {
    actors: ['system'],
    meaning:
      'A line cut short by a power cut was closed, so verify-audit can tell it from tampering.',
    fields: { length: 'the torn line’s length in bytes' },
  },
  'audit.previous_segment_unreadable': {
    actors: ['system'],
    meaning: 'The sealed segment before this one could not be read at start.',
    fields: { segment: 'its file name' },
  },
  'audit.chain_broken_found': {
    actors: ['system'],
    meaning:
      'At start the live segment did not verify: the chain goes on from the last good line, and this says where it broke.',
    fields: { line: 'the first bad line' },
  },
  'session.start': {
    actors: ['citizen'],
    meaning: 'A citizen started a service item.',
    fields: { session: SESSION, service: 'the service item' },
  },
  'session.end': {
    actors: ['citizen'],
    meaning: "A citizen's session ended; everything personal in it was wiped.",
    fields: {
      session: SESSION,
      reason: 'finished, cancelled, idle or guide',
      submitted: 'whether an application was made',
      guideAssisted: 'whether a hall guide helped',
    },
  },
  'staff.unlock': {
    actors: STAFF,
    meaning: 'A hall guide or technician signed in with the PIN.',
    fields: { session: 'the citizen session open at the time, if any' },
  },
  'staff.unlock_refused': {
    actors: ['system'],
    meaning: 'A staff PIN was refused.',
    fields: { role: 'the role asked for', reason: 'wrong PIN, locked out, or no PIN configured' },
  },
  'staff.lock': {
    actors: STAFF,
    meaning: 'A staff sign-in ended.',
    fields: { reason: 'locked, idle, time limit, or the citizen session ended' },
  },
  'guide.endSession': {
    actors: STAFF,
    meaning: "A hall guide ended a citizen's session from the drawer.",
    fields: { session: SESSION },
  },
  'guide.greenChannel': guideAction(
    'A hall guide marked (or took back) the green channel, with the reason.',
  ),
  'guide.fillOnBehalf': guideAction("A hall guide filled in on the citizen's behalf."),
  'guide.skipOptional': guideAction('A hall guide skipped the optional questions.'),
  'guide.elderMode': guideAction('A hall guide switched 长辈版.'),
  'guide.voice': guideAction('A hall guide switched the voice.'),
  'guide.audioOnly': guideAction('A hall guide switched 语音导航 (audio only).'),
  'guide.faceAtWindow': guideAction('A hall guide sent 人证核验 and the photo to the window.'),
  'guide.payAtWindow': guideAction('A hall guide sent the fee to the window.'),
  'help.requested': {
    actors: ['citizen'],
    meaning: 'A citizen pressed 呼叫工作人员.',
    fields: { screen: 'the screen they were on' },
  },
  'help.answered': {
    actors: STAFF,
    meaning: 'Staff answered the call.',
    fields: { waitedSeconds: 'how long the citizen waited' },
  },
  'face.consent': {
    actors: ['citizen'],
    meaning: 'A citizen agreed to the camera, or chose the window instead.',
    fields: { session: SESSION, purpose: 'verify or photo', choice: 'camera or window' },
  },
  'face.camera_failed': {
    actors: ['citizen'],
    meaning:
      'The camera failed during a face step: the citizen goes on, the step goes to the window.',
    fields: { session: SESSION, purpose: 'verify or photo', choice: 'camera_failed' },
  },
  'face.verified': {
    actors: ['citizen'],
    meaning: '人证核验 ended: passed, failed, or not possible here.',
    fields: {
      session: SESSION,
      result: 'passed, failed or not_possible',
      score: 'the similarity score',
      threshold: 'the threshold it was held to',
      tries: 'tries used',
      liveness: 'the liveness verdict',
      reason: 'why it ended so',
      model: 'the face model version',
    },
  },
  'face.photo_taken': {
    actors: ['citizen'],
    meaning: 'A 证件照 was taken and kept for the application.',
    fields: {
      session: SESSION,
      material: 'which material it is',
      standard: 'the photo standard it meets',
      bytes: 'its size',
    },
  },
  'application.submitted': {
    actors: ['citizen'],
    meaning: 'An application was stored on the kiosk (sealed) and queued for the back office.',
    fields: {
      session: SESSION,
      application: APPLICATION,
      service: 'the service item',
      status: 'complete, or waiting for materials',
      missing: 'how many materials are missing',
      greenChannel: 'whether the green channel applies',
      photos: 'how many photos the kiosk took',
      signed: 'whether the citizen signed on screen (never the strokes)',
      guideAssisted: 'whether a hall guide helped',
    },
  },
  'application.refused_disk_low': {
    actors: ['system'],
    meaning:
      'An application was refused before anything was asked of the citizen: the disk is low.',
    fields: { freeMb: 'free space, MB' },
  },
  'application.save_failed': {
    actors: ['system'],
    meaning: 'The database refused to store an application; the citizen was told.',
    fields: { code: 'the database fault' },
  },
  'application.payload_refused': {
    actors: ['sync'],
    meaning: 'A stored application cannot be unsealed (the data key or the database file changed).',
    fields: { application: APPLICATION, code: 'the fault' },
  },
  'slip.printed': {
    actors: ['citizen'],
    meaning: 'The 申请回执 printed.',
    fields: { session: SESSION, application: APPLICATION, attempt: 'which attempt' },
  },
  'slip.print_failed': {
    actors: ['citizen'],
    meaning: 'The slip did not print; the screen shows it and offers again.',
    fields: {
      session: SESSION,
      application: APPLICATION,
      attempt: 'which attempt',
      status: 'the printer state',
      problem: 'what the printer said',
    },
  },
  'slip.print_refused': {
    actors: ['citizen'],
    meaning: 'A reprint was refused: the copy or attempt limit was reached.',
    fields: {
      session: SESSION,
      application: APPLICATION,
      copies: 'copies printed',
      attempts: 'attempts made',
    },
  },
  'refusal.printed': {
    actors: ['citizen'],
    meaning:
      'A citizen the rules stopped at a question took the 一次性告知单 with the reason and its basis (nothing about the person is on it).',
    fields: {
      session: SESSION,
      service: 'the service item',
      question: 'the question that stopped them',
    },
  },
  'refusal.print_failed': {
    actors: ['citizen'],
    meaning: 'The 一次性告知单 of a refusal did not print; the screen says so.',
    fields: {
      session: SESSION,
      service: 'the service item',
      question: 'the question that stopped them',
      code: 'what the printer said',
    },
  },
  'form.printed': {
    actors: ['citizen'],
    meaning: 'The A4 application form printed for signature.',
    fields: { session: SESSION, application: APPLICATION },
  },
  'form.print_failed': {
    actors: ['citizen'],
    meaning: 'The A4 form did not print.',
    fields: { session: SESSION, application: APPLICATION, code: 'why' },
  },
  'payment.opened': {
    actors: ['citizen'],
    meaning: 'A payment order was opened with the payment platform.',
    fields: { order: ORDER, application: APPLICATION, amountFen: 'the amount, in fen' },
  },
  'payment.created': paymentMove('The order is open, waiting for a code.'),
  'payment.paying': paymentMove('A 付款码 was sent; the platform is taking the money.'),
  'payment.cancelling': paymentMove(
    'The order is being cancelled (the citizen left, or chose the window).',
  ),
  'payment.paid': paymentMove('The money moved: paid.'),
  'payment.failed': paymentMove('The payment failed; no money moved.'),
  'payment.cancelled': paymentMove('The order was cancelled; no money moved.'),
  'payment.reversed': paymentMove('Money that moved was given back.'),
  'payment.code_refused': {
    actors: ['citizen'],
    meaning: 'A 付款码 was refused (expired, wrong, the balance).',
    fields: { order: ORDER, problem: 'why' },
  },
  'payment.answer_mismatch': {
    actors: ['system'],
    meaning: 'The platform answered about another order: the answer was not applied.',
    fields: { order: ORDER, answered: 'the order the answer named' },
  },
  'payment.receipt': {
    actors: ['system'],
    meaning: 'The platform issued the electronic receipt (票据) for a paid order.',
    fields: { order: ORDER, receipt: 'the receipt number' },
  },
  'endorsement.issued': {
    actors: ['citizen'],
    meaning: '再次签注 was issued at the kiosk.',
    fields: {
      session: SESSION,
      application: APPLICATION,
      kind: 'the endorsement kind',
      trips: 'the trips',
    },
  },
  'endorsement.referred': {
    actors: ['citizen'],
    meaning: 'The back office referred the 再次签注 to the window.',
    fields: {
      session: SESSION,
      application: APPLICATION,
      kind: 'the endorsement kind',
      trips: 'the trips',
    },
  },
  'endorsement.unavailable': {
    actors: ['system'],
    meaning:
      'The back office could not be asked for the endorsement: the citizen goes to the window.',
    fields: { application: APPLICATION, kind: 'what the link said' },
  },
  'evaluation.rated': {
    actors: ['citizen'],
    meaning: 'A citizen rated the service (好差评).',
    fields: {
      session: SESSION,
      application: APPLICATION,
      rating: 'the level, 1 to 5',
      reasons: 'the standard reasons chosen',
      callback: 'whether they agreed to a call back (never the number)',
    },
  },
  'evaluation.sent': {
    actors: ['system'],
    meaning: 'A rating reached the back office.',
    fields: { application: APPLICATION },
  },
  'evaluation.refused': {
    actors: ['system'],
    meaning: 'The back office refused a rating.',
    fields: { application: APPLICATION, reason: 'why' },
  },
  'device.state_changed': {
    actors: ['system'],
    meaning: 'A device changed state (ready, fault, disconnected …).',
    fields: {
      device: 'the device id',
      kind: 'its kind',
      from: 'the state before',
      to: 'the state now',
      error: 'its last error code',
    },
  },
  'device.state_flapping': flapping('A device'),
  'sync.back_office_reachable': {
    actors: ['sync'],
    meaning: 'The back office answers (again).',
    fields: {},
  },
  'sync.back_office_unreachable': {
    actors: ['sync'],
    meaning: 'The back office stopped answering; applications wait on the kiosk.',
    fields: { problem: 'what failed' },
  },
  'sync.back_office_flapping': flapping('The link to the back office'),
  'sync.accepted': {
    actors: ['sync'],
    meaning: 'The back office accepted an application (exactly once).',
    fields: {
      application: APPLICATION,
      acceptanceNo: "the back office's acceptance number",
      attempts: 'how many attempts it took',
    },
  },
  'sync.rejected': {
    actors: ['sync'],
    meaning: 'The back office refused an application.',
    fields: { application: APPLICATION, reason: 'why' },
  },
  'sync.needs_attention': {
    actors: ['sync'],
    meaning:
      'An application needs a person (certificate, URL, conflict): set aside, looked at again slowly.',
    fields: { application: APPLICATION, reason: 'why' },
  },
  'sync.resumed_after_interruption': {
    actors: ['sync'],
    meaning: 'Applications a stopped or killed kiosk left mid-send were queued again.',
    fields: { count: 'how many' },
  },
  'sync.sync_now': {
    actors: STAFF,
    meaning: 'Staff pressed 立即同步.',
    fields: { due: 'how many applications were made due' },
  },
  'sync.status_records_expired': {
    actors: ['sync'],
    meaning: 'Status records of finished applications past the retention period were deleted.',
    fields: { count: 'how many', days: 'the retention period' },
  },
} as const satisfies Readonly<Record<string, EventSpec>>;

export type AuditAction = keyof typeof AUDIT_EVENTS;

type FieldNames<A extends AuditAction> = keyof (typeof AUDIT_EVENTS)[A]['fields'] & string;
type Required<N extends string> = N extends `${string}?` ? never : N;
type Optional<N extends string> = N extends `${infer Name}?` ? Name : never;
type AuditValue = string | number | boolean | null;

/** The fields an entry of `action` carries: those the catalogue lists, the `?` ones optional. */
export type AuditFieldsOf<A extends AuditAction> = [FieldNames<A>] extends [never]
  ? Readonly<Record<string, never>>
  : { readonly [K in Required<FieldNames<A>>]: AuditValue } & {
      readonly [K in Optional<FieldNames<A>>]?: AuditValue;
    };

/** The entries that fold a flapping state's changes (coalesce.ts). */
export type FlappingAction = 'device.state_flapping' | 'sync.back_office_flapping';
