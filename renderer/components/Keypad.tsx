import { useT } from '../i18n';

// prettier-ignore
const LAYOUTS = {
  digits: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['0']],
  idNumber: [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['X', '0']],
  letters: [
    ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
    ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L'],
    ['Z', 'X', 'C', 'V', 'B', 'N', 'M'],
  ],
  alphanumeric: [
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
    ['Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P'],
    ['A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L'],
    ['Z', 'X', 'C', 'V', 'B', 'N', 'M'],
  ],
} as const;

export type KeypadLayout = keyof typeof LAYOUTS;

/**
 * Large on-screen keys for a kiosk without a keyboard. The full pinyin
 * keyboard (Chinese candidates) is built on this in the accessibility work.
 */
export function Keypad({
  layout,
  onKey,
  onDelete,
  onClear,
}: {
  readonly layout: KeypadLayout;
  readonly onKey: (key: string) => void;
  readonly onDelete: () => void;
  readonly onClear: () => void;
}) {
  const { t } = useT();
  return (
    <div className={`keypad keypad-${layout}`} role="group" aria-label={t('question.keypadLabel')}>
      {LAYOUTS[layout].map((row, index) => (
        // Keys lie as on every keypad, 1 2 3 from the left, on a right-to-left screen too.
        <div className="keypad-row" key={index} dir="ltr">
          {row.map((key) => (
            <button type="button" className="key" key={key} onClick={() => onKey(key)}>
              {key}
            </button>
          ))}
        </div>
      ))}
      <div className="keypad-row">
        <button type="button" className="key key-wide" onClick={onDelete}>
          {t('question.delete')}
        </button>
        <button type="button" className="key key-wide" onClick={onClear}>
          {t('question.clear')}
        </button>
      </div>
    </div>
  );
}
