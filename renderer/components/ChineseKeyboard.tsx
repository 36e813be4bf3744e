import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import { useIme, useRareDictionary } from '../keyboard/load-ime';
import {
  rareCandidates,
  withLetter,
  type Candidate,
  type InputContext,
} from '../keyboard/pinyin-ime';
import { errorMessage, type AnyErrorCode } from '../api/error-messages';
import { useAssist } from '../state/assist';
import { useUi } from '../state/ui';
import { HandwritingPad } from './HandwritingPad';

// prettier-ignore
const LETTER_ROWS = [
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
] as const;
// prettier-ignore
const SYMBOL_ROWS = [
  ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
  ['-', '#', '号', '（', '）', '·', '、', '，', '。'],
] as const;

type Mode = 'pinyin' | 'letters' | 'symbols' | 'handwriting' | 'rare';

/** The input methods, as a row of keys: the one in use is pressed. */
const MODE_PAGES = [
  { page: 'pinyin', label: 'keyboard.toPinyin' },
  { page: 'letters', label: 'keyboard.toLetters' },
  { page: 'symbols', label: 'keyboard.toSymbols' },
  { page: 'handwriting', label: 'keyboard.toHandwriting' },
  { page: 'rare', label: 'keyboard.toRare' },
] as const;

/** What the line above the keys says while nothing is being composed. */
const HINTS = {
  pinyin: 'keyboard.pinyinHint',
  letters: 'keyboard.lettersHint',
  symbols: 'keyboard.symbolsHint',
  handwriting: 'keyboard.handwritingTitle',
  rare: 'keyboard.rareHint',
} as const;

/** Which candidates come first: surnames for an empty name, address words in an address. */
function contextFor(kind: 'name' | 'address' | 'text', value: string): InputContext {
  if (kind === 'name') return value === '' ? 'surname' : 'name';
  return kind;
}

/**
 * The kiosk's keyboard for Chinese text: pinyin with a candidate bar (whole
 * words first, surnames first when a name starts, address words in an
 * address), letters, and digits with the marks names and addresses need
 * (the middle dot of minority names, 号, 室 …). No physical keyboard needed;
 * a technician's keyboard still types into the field above.
 */
export function ChineseKeyboard({
  value,
  onChange,
  kind,
  maxLength,
}: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly kind: 'name' | 'address' | 'text';
  readonly maxLength: number;
}) {
  const { t } = useT();
  const ime = useIme();
  const handwritingAvailable = useUi((s) => s.info?.handwriting === true);
  const elder = useAssist((s) => s.elder);
  const [mode, setMode] = useState<Mode>('pinyin');
  const rare = useRareDictionary(mode === 'rare');
  const [letters, setLetters] = useState('');
  const [page, setPage] = useState(0);
  const [written, setWritten] = useState<{
    list: readonly string[];
    problem: AnyErrorCode | null;
  }>({
    list: [],
    problem: null,
  });
  const [wiped, setWiped] = useState(0);
  const [full, setFull] = useState(false);
  const perPage = elder ? 5 : 8;

  const candidates = useMemo((): readonly Candidate[] => {
    if (mode === 'handwriting') return written.list.map((text) => ({ text, consumes: 0 }));
    if (letters === '' || ime === null) return [];
    if (mode === 'rare') return rare === null ? [] : rareCandidates(ime, rare, letters);
    return ime.candidates(letters, contextFor(kind, value));
  }, [ime, rare, letters, kind, value, mode, written]);
  const pages = Math.max(1, Math.ceil(candidates.length / perPage));
  const shown = candidates.slice(page * perPage, page * perPage + perPage);
  const syllables = ime === null ? null : ime.segment(letters);
  const composing = mode === 'handwriting' ? written.list.length > 0 : letters !== '';

  const insert = (text: string): void => {
    const next = Array.from(value + text);
    // Said, not cut silently: the field is full.
    setFull(next.length > maxLength);
    onChange(next.slice(0, maxLength).join(''));
  };
  const compose = (next: string): void => {
    setLetters(next);
    setPage(0);
  };
  const pick = (text: string, consumes: number): void => {
    insert(text);
    if (mode === 'handwriting') {
      setWritten({ list: [], problem: null });
      setWiped((n) => n + 1);
    } else compose(letters.slice(consumes));
  };
  const backspace = (): void => {
    setFull(false);
    if (letters !== '') compose(letters.slice(0, -1));
    else onChange(Array.from(value).slice(0, -1).join(''));
  };
  const letter = (key: string): void => {
    if (mode === 'letters') {
      insert(key.toUpperCase());
      return;
    }
    const next = withLetter(ime, letters, key);
    if (next !== null) compose(next);
  };

  return (
    <div className={`cn-keyboard mode-${mode}`} role="group" aria-label={t('keyboard.label')}>
      <div className="cn-compose">
        <span className="cn-letters" data-testid="pinyin-letters" aria-live="polite">
          {full
            ? t('keyboard.full', { max: maxLength })
            : mode === 'handwriting'
              ? written.problem === null
                ? t(HINTS.handwriting)
                : t(errorMessage(written.problem))
              : letters === ''
                ? t(HINTS[mode])
                : (syllables ?? [letters]).join("'")}
        </span>
        <div className="cn-modes" role="group" aria-label={t('keyboard.modes')}>
          {MODE_PAGES.filter(({ page }) => page !== 'handwriting' || handwritingAvailable).map(
            ({ page, label }) => (
              <button
                type="button"
                key={page}
                className="key cn-mode"
                aria-pressed={mode === page}
                onClick={() => {
                  compose('');
                  setWritten({ list: [], problem: null });
                  setMode(page);
                }}
              >
                {t(label)}
              </button>
            ),
          )}
        </div>
      </div>
      {mode === 'handwriting' && (
        <HandwritingPad
          key={wiped}
          onCandidates={(list, problem) => {
            setWritten({ list, problem });
            setPage(0);
          }}
        />
      )}
      {composing && (
        <div className="cn-candidates" role="group" aria-label={t('keyboard.candidates')} dir="ltr">
          <button
            type="button"
            className="key cn-page"
            aria-label={t('keyboard.previous')}
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
          >
            ‹
          </button>
          {shown.map((c, i) => (
            <button
              type="button"
              className="key cn-candidate"
              key={c.text}
              data-candidate={c.text}
              lang="zh-CN"
              onClick={() => pick(c.text, c.consumes)}
            >
              <span className="cn-candidate-index" aria-hidden="true">
                {i + 1}
              </span>
              {c.text}
            </button>
          ))}
          {shown.length === 0 && <span className="cn-none">{t('keyboard.noCandidates')}</span>}
          <button
            type="button"
            className="key cn-page"
            aria-label={t('keyboard.next')}
            disabled={page >= pages - 1}
            onClick={() => setPage(page + 1)}
          >
            ›
          </button>
        </div>
      )}
      {(mode === 'handwriting' ? [] : mode === 'symbols' ? SYMBOL_ROWS : LETTER_ROWS).map(
        (row, index) => (
          // QWERTY and the symbol rows lie as on every keyboard, on a right-to-left screen too.
          <div className="keypad-row" key={index} dir="ltr">
            {row.map((key) => (
              <button
                type="button"
                className="key"
                key={key}
                onClick={() => (mode === 'symbols' ? insert(key) : letter(key))}
                aria-label={mode === 'pinyin' && key === 'v' ? t('keyboard.v') : undefined}
              >
                {mode === 'symbols'
                  ? key
                  : mode === 'letters'
                    ? key.toUpperCase()
                    : key === 'v'
                      ? 'ü'
                      : key}
              </button>
            ))}
          </div>
        ),
      )}
      <div className="keypad-row">
        <button type="button" className="key key-wide" onClick={backspace}>
          {t('question.delete')}
        </button>
        {mode !== 'handwriting' && (kind !== 'name' || letters !== '') && (
          <button
            type="button"
            className="key key-wide"
            onClick={() => {
              // As on any pinyin keyboard: space takes the first candidate while composing.
              const first = candidates[0];
              if (first !== undefined) pick(first.text, first.consumes);
              else if (letters === '') insert(' ');
            }}
          >
            {letters === '' ? t('keyboard.space') : t('keyboard.pickFirst')}
          </button>
        )}
        <button
          type="button"
          className="key key-wide"
          onClick={() => {
            compose('');
            setFull(false);
            onChange('');
          }}
        >
          {t('question.clear')}
        </button>
      </div>
    </div>
  );
}
