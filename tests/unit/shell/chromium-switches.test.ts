import { describe, expect, it } from 'vitest';
import { chromiumSwitches } from '../../../electron/shell/chromium-switches';

describe('Chromium switches', () => {
  it('turn speech-dispatcher on under Linux, so speechSynthesis has system voices', () => {
    expect(chromiumSwitches('linux')).toContainEqual(['enable-speech-dispatcher']);
  });

  it('set nothing where the system voices come without a switch', () => {
    expect(chromiumSwitches('win32')).toEqual([]);
  });
});
