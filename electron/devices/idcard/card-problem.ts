import type { CardProblem } from '../../../core/status';

/** Codes that mean the reader or its cable is unwell, not the card on it. */
const READER_CODES: ReadonlySet<string> = new Set([
  'timeout',
  'write_failed',
  'busy',
  'checksum',
  'length',
  'command',
  'not_authorised',
  'self_test_failed',
]);

/** What a reader error means for the citizen at the screen. */
export function cardProblemOf(code: string): CardProblem {
  switch (code) {
    case 'no_card':
      return 'no_card';
    case 'read_failed':
    case 'select_failed':
      return 'unreadable';
    case 'card_data_invalid':
      return 'card_invalid';
    default:
      return READER_CODES.has(code) ? 'reader_down' : 'other';
  }
}
