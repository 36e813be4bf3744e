import type { MessageKey, Params } from '../i18n';

/** What a focused element is, read off the page (see `stops.ts`): all the audio mode needs to say it. */
export type ControlFacts =
  | { readonly role: 'button'; readonly name: string; readonly disabled: boolean }
  | {
      readonly role: 'toggle';
      readonly name: string;
      readonly pressed: boolean;
      readonly disabled: boolean;
    }
  | {
      readonly role: 'radio';
      readonly name: string;
      readonly checked: boolean;
      readonly index: number;
      readonly count: number;
    }
  | { readonly role: 'checkbox'; readonly name: string; readonly checked: boolean }
  /** The typed value is the citizen's own: said through the system voice only, never shown. */
  | { readonly role: 'textbox'; readonly name: string; readonly value: string }
  | { readonly role: 'link'; readonly name: string }
  | { readonly role: 'heading'; readonly name: string }
  /** A passage of the screen (a notice, a row of the review); `personal` when it holds the citizen's details. */
  | { readonly role: 'text'; readonly name: string; readonly personal: boolean };

/** One sentence to say: public text may have a recording; personal text never does. */
export interface Spoken {
  readonly text: string;
  readonly personal: boolean;
}

type Translate = (key: MessageKey, params?: Params) => string;

const plain = (text: string): Spoken => ({ text, personal: false });

/**
 * The sentences for a control, in the order a listener needs them: the group
 * it belongs to (on entering it), its name, then what it is and its state.
 */
export function describeControl(
  facts: ControlFacts,
  t: Translate,
  group: string | null = null,
): Spoken[] {
  const out: Spoken[] = group === null || group === '' ? [] : [plain(group)];
  switch (facts.role) {
    case 'button':
      out.push(plain(facts.name), plain(t('voice.audio.button')));
      if (facts.disabled) out.push(plain(t('voice.audio.disabled')));
      return out;
    case 'toggle':
      out.push(
        plain(facts.name),
        plain(t('voice.audio.button')),
        plain(t(facts.pressed ? 'voice.audio.toggleOn' : 'voice.audio.toggleOff')),
      );
      if (facts.disabled) out.push(plain(t('voice.audio.disabled')));
      return out;
    case 'radio':
      out.push(
        plain(facts.name),
        plain(t(facts.checked ? 'voice.audio.radioOn' : 'voice.audio.radioOff')),
        plain(t('audio.position', { index: facts.index, count: facts.count })),
      );
      return out;
    case 'checkbox':
      out.push(
        plain(facts.name),
        plain(t(facts.checked ? 'voice.audio.checkboxOn' : 'voice.audio.checkboxOff')),
      );
      return out;
    case 'textbox':
      out.push(plain(facts.name), plain(t('voice.audio.textbox')));
      out.push(
        facts.value === ''
          ? plain(t('voice.audio.empty'))
          : { text: facts.value.split('').join(' '), personal: true },
      );
      return out;
    case 'link':
      out.push(plain(facts.name), plain(t('voice.audio.link')));
      return out;
    case 'heading':
      out.push(plain(facts.name));
      return out;
    case 'text':
      out.push({ text: facts.name, personal: facts.personal });
      return out;
  }
}

/** What changed when a control was activated and stayed in focus: its new state alone. */
export function describeState(facts: ControlFacts, t: Translate): Spoken[] {
  switch (facts.role) {
    case 'toggle':
      return [
        plain(facts.name),
        plain(t(facts.pressed ? 'voice.audio.toggleOn' : 'voice.audio.toggleOff')),
      ];
    case 'radio':
      return [plain(t('voice.audio.radioOn')), plain(facts.name)];
    case 'checkbox':
      return [plain(t(facts.checked ? 'voice.audio.checkboxOn' : 'voice.audio.checkboxOff'))];
    case 'button':
    case 'textbox':
    case 'link':
    case 'heading':
    case 'text':
      return [];
  }
}
