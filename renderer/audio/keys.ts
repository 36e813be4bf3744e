/**
 * The audio-only mode's keys, for a keyboard and for a tactile numeric keypad
 * (with Num Lock on or off). Digits type into a text field when one has focus;
 * elsewhere they are the keypad's commands, so a keypad alone is enough.
 */
export type AudioCommand =
  | 'next'
  | 'previous'
  | 'activate'
  | 'repeat'
  | 'help'
  | 'louder'
  | 'quieter'
  | 'faster'
  | 'slower'
  | 'screen'
  | 'callStaff'
  | 'exit';

export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  /** A text field has focus: digits and letters are its input. */
  readonly typing: boolean;
}

/** The keys that mean the same with or without a text field in focus. */
function anywhere({ key, shiftKey }: KeyPress): AudioCommand | null {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
    case '+':
      return 'next';
    case 'ArrowUp':
    case 'ArrowLeft':
    case '-':
      return 'previous';
    case 'Tab':
      return shiftKey ? 'previous' : 'next';
    case 'Enter':
    case 'Clear': // keypad 5 with Num Lock off
      return 'activate';
    case '*':
      return 'repeat';
    case '/':
    case 'F1':
      return 'help';
    case 'PageUp':
      return 'louder';
    case 'PageDown':
      return 'quieter';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

/**
 * Keypad digits as commands, laid out as the keypad is: 8 up, 2 down, 5 in the
 * middle; with Num Lock off the same keys send Home, End, Insert and Delete.
 */
function keypadDigit(key: string): AudioCommand | null {
  switch (key) {
    case '8':
      return 'previous';
    case '2':
      return 'next';
    case '5':
      return 'activate';
    case '9':
      return 'louder';
    case '3':
      return 'quieter';
    case '7':
    case 'Home':
      return 'slower';
    case '1':
    case 'End':
      return 'faster';
    case '0':
    case 'Insert':
      return 'screen';
    case '.':
    case 'Delete':
      return 'callStaff';
    default:
      return null;
  }
}

/** What a key press does in audio-only mode, or null when it is the page's own (typing a digit). */
export function audioCommand(press: KeyPress): AudioCommand | null {
  const command = anywhere(press);
  if (command !== null) return command;
  return press.typing ? null : keypadDigit(press.key);
}

/** The key that starts audio-only mode on the home screen: the keypad's `*`, or F1 on a keyboard. */
export const isStartKey = (key: string): boolean => key === '*' || key === 'F1';
