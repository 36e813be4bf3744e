import type { ErrorCode, MethodName } from '../../core/api/contract';
import type { MessageKey } from '../i18n';

/** Every code any method of the contract may answer with. */
export type AnyErrorCode = { [M in MethodName]: ErrorCode<M> }[MethodName];

/**
 * The words for every error code the contract declares. A code added to the
 * contract without a message here fails the typecheck, so no citizen ever
 * sees a bare code or a fallback "something went wrong".
 */
const MESSAGES: { readonly [C in AnyErrorCode]: MessageKey } = {
  bad_input: 'api.error.bad_input',
  internal: 'api.error.internal',
  staff_locked: 'api.error.staff_locked',
  unknown_method: 'api.error.unknown_method',
  transport: 'api.error.transport',
  unknown_service: 'api.error.unknown_service',
  no_session: 'submit.error.no_session',
  photo_missing: 'api.error.photo_missing',
  identity_missing: 'submit.error.identity_missing',
  identity_not_accepted: 'submit.error.identity_not_accepted',
  identity_expired: 'submit.error.identity_expired',
  invalid_application: 'submit.error.invalid_application',
  disk_full: 'submit.error.disk_full',
  store_failed: 'api.error.store_failed',
  bad_application_number: 'status.error.bad_application_number',
  not_found: 'status.error.not_found',
  unknown_reason: 'api.error.unknown_reason',
  unknown_material: 'api.error.unknown_material',
  bad_photo: 'api.error.bad_photo',
  too_many_photos: 'api.error.too_many_photos',
  no_such_photo: 'api.error.no_such_photo',
  no_back_office: 'api.error.no_back_office',
  no_pin_configured: 'staff.noPin',
  wrong_pin: 'api.error.wrong_pin',
  locked_out: 'api.error.locked_out',
  unknown_device: 'api.error.unknown_device',
  self_test_failed: 'api.error.self_test_failed',
  write_failed: 'api.error.write_failed',
  no_slip: 'api.error.no_slip',
  print_limit: 'slip.printFailed.print_limit',
  not_refused: 'refusal.printFailed',
  no_system_printer: 'api.error.no_system_printer',
  print_failed: 'slip.formFailed',
  not_demo: 'api.error.not_demo',
  unknown_fault: 'api.error.unknown_fault',
  not_simulated: 'api.error.not_simulated',
  not_supported: 'api.error.not_supported',
  unknown_card: 'api.error.unknown_card',
  no_simulated_scanner: 'api.error.no_simulated_scanner',
  handwriting_unavailable: 'api.error.handwriting_unavailable',
  handwriting_superseded: 'api.error.handwriting_superseded',
  speech_unavailable: 'api.error.speech_unavailable',
  speech_failed: 'api.error.speech_failed',
  speech_superseded: 'api.error.speech_failed',
  face_unavailable: 'api.error.face_unavailable',
  face_timeout: 'api.error.face_timeout',
  face_engine_failed: 'api.error.face_engine_failed',
  image_unreadable: 'api.error.image_unreadable',
  image_too_large: 'api.error.image_too_large',
  no_portrait: 'api.error.no_portrait',
  photo_not_compliant: 'api.error.photo_not_compliant',
  payment_unavailable: 'api.error.payment_unavailable',
  payment_settled: 'api.error.payment_settled',
  payment_unknown: 'api.error.payment_unknown',
  payment_code_invalid: 'api.error.payment_code_invalid',
  already_rated: 'rating.already',
};

/** The message for an error code any method answered with. */
export const errorMessage = (code: AnyErrorCode): MessageKey => MESSAGES[code];
