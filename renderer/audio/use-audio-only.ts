import { useEffect } from 'react';
import { kiosk } from '../api/kiosk';
import { translate, type MessageKey, type Params } from '../i18n';
import { voiceLocaleOf } from '../../core/speech-voices';
import { RATE_STEP, useAssist, VOLUME_STEP } from '../state/assist';
import { useHelp } from '../state/help';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { announce, repeat, say, useVoice } from '../voice/speaker';
import { describeControl, describeState, type Spoken } from './describe';
import { audioCommand, isStartKey, type AudioCommand } from './keys';
import { factsOf, groupName, groupOf, isTyping, stopsIn } from './stops';

/** Keys that tell a keypad is being tried on the home screen: the kiosk offers the audio mode once. */
const OFFER_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', '+', '-', 'Clear']);

const t = (key: MessageKey, params?: Params): string =>
  translate(useUi.getState().locale, key, params);

const sayKey = (key: MessageKey): void => say(keyPrompt(key), null, { evenWhenOff: true });

/** The new volume or speed, as the citizen set it: "音量 60%". */
const sayPercent = (key: 'audio.volume' | 'audio.rate', value: number): void =>
  announce([{ text: t(key, { n: Math.round(value * 100) }), personal: false }]);

/** Where the keys move: an open dialog (it owns the screen), else the screen itself. */
function readingRoot(): Element | null {
  const dialogs = [...document.querySelectorAll('dialog[open]')];
  return dialogs.at(-1) ?? document.getElementById('main');
}

/** The stop at or after the focused element, so the keys go on from wherever focus was put. */
function currentIndex(
  root: Element,
  stops: readonly HTMLElement[],
  focused: Element | null,
): number {
  // Focus outside the screen (the page itself, a staff drawer): start from the top.
  if (focused === null || !root.contains(focused)) return -1;
  const exact = stops.indexOf(focused as HTMLElement);
  if (exact >= 0) return exact;
  const inside = stops.findIndex((s) => s.contains(focused) || focused.contains(s));
  if (inside >= 0) return inside;
  // Focus on something that is no stop (a group, the page): the stop just before it.
  const after = stops.findIndex(
    (s) => (focused.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  return after === -1 ? stops.length - 1 : after - 1;
}

export function startAudioOnly(): void {
  // The mode reads the screen's own words aloud, and no voice here speaks Tibetan:
  // a Tibetan screen switches to Chinese, so what is said is what is shown.
  const ui = useUi.getState();
  if (voiceLocaleOf(ui.locale) !== ui.locale) ui.setLocale(voiceLocaleOf(ui.locale));
  useAssist.getState().setAudioOnly(true);
  // After the screen has re-said its prompt for the voice just turned on: this is what the citizen asked for.
  window.setTimeout(() => sayKey('voice.audio.start'), 0);
}

/**
 * 语音导航: with the mode on, every screen's prompt, every control the keys
 * reach (its name, what it is, its state) and every notice that appears is
 * spoken, and the keypad alone finishes a journey. On the home screen `*` (or
 * F1) starts it; arrow keys there offer it once.
 */
export function useAudioOnly(): void {
  const audioOnly = useAssist((s) => s.audioOnly);

  useEffect(() => {
    if (audioOnly) return;
    let offered = false;
    const onKey = (event: KeyboardEvent): void => {
      if (useUi.getState().screen.name !== 'home' || event.defaultPrevented) return;
      if (isStartKey(event.key)) {
        event.preventDefault();
        startAudioOnly();
      } else if (OFFER_KEYS.has(event.key) && !offered) {
        offered = true;
        sayKey('voice.audio.offer');
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [audioOnly]);

  useEffect(() => {
    if (!audioOnly) return;
    let lastGroup: Element | null = null;
    /** Focus the keys put somewhere: already said, not again by the focus listener. */
    let movedTo: Element | null = null;
    /**
     * Where the keys are: the last stop they reached, even one that cannot take focus (a
     * button not available yet), until the screen puts focus somewhere else.
     */
    let cursor: HTMLElement | null = null;
    const here = (root: Element | null): Element | null =>
      cursor !== null && cursor.isConnected && (root?.contains(cursor) ?? false)
        ? cursor
        : document.activeElement;

    const sentencesFor = (element: HTMLElement): Spoken[] => {
      const group = groupOf(element);
      const entering = group !== null && group !== lastGroup;
      lastGroup = group;
      return describeControl(factsOf(element), t, entering ? groupName(group) : null);
    };

    /**
     * Said after what is being said, once: a heading the screen's prompt already named
     * (with or without its "（选填）") is not said twice.
     */
    const announceAfter = (sentences: readonly Spoken[]): void => {
      const queued = useVoice.getState().spoken.map((r) => r.text);
      const first = sentences[0];
      if (
        first !== undefined &&
        !first.personal &&
        queued.some((q) => q !== '' && first.text.startsWith(q))
      )
        return;
      announce(sentences, { append: true });
    };

    const moveBy = (step: 1 | -1): void => {
      const root = readingRoot();
      if (root === null) return;
      const stops = stopsIn(root);
      const index = currentIndex(root, stops, here(root)) + step;
      const target = stops[index];
      if (target === undefined) {
        announce([
          { text: t(step > 0 ? 'voice.audio.last' : 'voice.audio.first'), personal: false },
        ]);
        return;
      }
      if (!target.matches('button, input, textarea, a[href]') && !target.hasAttribute('tabindex'))
        target.tabIndex = -1;
      movedTo = target;
      cursor = target;
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
      announce(sentencesFor(target));
    };

    const activate = (): void => {
      const focused = here(readingRoot());
      if (!(focused instanceof HTMLElement) || focused === document.body) {
        moveBy(1);
        return;
      }
      // In a text field Enter is "done typing": on to the next stop (the 下一步 button).
      if (isTyping(focused)) {
        moveBy(1);
        return;
      }
      if (!focused.matches('button, input, a[href]')) {
        announce(sentencesFor(focused));
        return;
      }
      if (focused instanceof HTMLButtonElement && focused.disabled) {
        announce(sentencesFor(focused));
        return;
      }
      focused.click();
      // A control that stays (a choice, a toggle) says its new state; a new screen speaks for itself.
      window.setTimeout(() => {
        if (document.activeElement === focused && focused.isConnected)
          announce(describeState(factsOf(focused), t));
      }, 0);
    };

    const run = (command: AudioCommand): void => {
      const assist = useAssist.getState();
      switch (command) {
        case 'next':
          moveBy(1);
          return;
        case 'previous':
          moveBy(-1);
          return;
        case 'activate':
          activate();
          return;
        case 'repeat': {
          repeat();
          // The control too, even when the prompt already named it (a question's field).
          const focused = here(readingRoot());
          lastGroup = null;
          if (focused instanceof HTMLElement && focused !== document.body)
            announce(sentencesFor(focused), { append: true });
          return;
        }
        case 'help':
          sayKey('voice.audio.help');
          return;
        case 'louder':
        case 'quieter':
          assist.setVolume(assist.volume + (command === 'louder' ? VOLUME_STEP : -VOLUME_STEP));
          sayPercent('audio.volume', useAssist.getState().volume);
          return;
        case 'faster':
        case 'slower':
          assist.setRate(assist.rate + (command === 'faster' ? RATE_STEP : -RATE_STEP));
          sayPercent('audio.rate', useAssist.getState().rate);
          return;
        case 'screen':
          assist.setScreenDark(!assist.screenDark);
          sayKey(assist.screenDark ? 'voice.audio.screenOn' : 'voice.audio.screenOff');
          return;
        case 'callStaff':
          void kiosk.callStaff({ screen: useUi.getState().screen.name }).then((result) => {
            if (result.ok) useHelp.getState().setRequest(result.value);
          });
          return;
        case 'exit':
          assist.setAudioOnly(false);
          sayKey('voice.audio.exit');
          return;
      }
    };

    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const command = audioCommand({
        key: event.key,
        shiftKey: event.shiftKey,
        typing: isTyping(document.activeElement),
      });
      if (command === null) return;
      // The page's own handling of these keys (a dialog's Escape, a radio group's arrows) would fight the mode's.
      event.preventDefault();
      event.stopPropagation();
      run(command);
    };

    const onFocus = (event: FocusEvent): void => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || target === movedTo) return;
      cursor = null;
      // Only what the citizen's screen (or its dialog) put in focus: not a guide's drawer, not the demo dock.
      if (!(readingRoot()?.contains(target) ?? false)) return;
      movedTo = null;
      // A screen put focus here (its heading, an error summary): said after the screen's own prompt.
      window.setTimeout(() => {
        if (document.activeElement === target) announceAfter(sentencesFor(target));
      }, 0);
    };

    // Notices that appear (the card was read, a problem, help is coming) are said as they come.
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) {
          if (!(node instanceof HTMLElement)) continue;
          const live = [
            ...(node.matches('[role="alert"], [role="status"]') ? [node] : []),
            ...node.querySelectorAll<HTMLElement>('[role="alert"], [role="status"]'),
          ];
          for (const element of live)
            if (element !== document.activeElement && element.getClientRects().length > 0)
              window.setTimeout(() => announceAfter(describeControl(factsOf(element), t)), 0);
        }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocus);
    };
  }, [audioOnly]);
}
