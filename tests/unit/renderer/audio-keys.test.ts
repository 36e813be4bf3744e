import { describe, expect, it } from 'vitest';
import { audioCommand, isStartKey } from '../../../renderer/audio/keys';

const press = (key: string, typing = false, shiftKey = false) =>
  audioCommand({ key, typing, shiftKey });

describe('the audio-only mode keys', () => {
  it('move with the keypad laid out as it is: 8 up, 2 down, 5 in the middle', () => {
    expect(press('8')).toBe('previous');
    expect(press('2')).toBe('next');
    expect(press('5')).toBe('activate');
  });

  it('mean the same with Num Lock off, where the keypad sends arrows and Clear', () => {
    expect(press('ArrowUp')).toBe('previous');
    expect(press('ArrowDown')).toBe('next');
    expect(press('Clear')).toBe('activate');
    expect(press('PageUp')).toBe('louder');
    expect(press('Insert')).toBe('screen');
  });

  it('leave digits to a text field, where + - and Enter still move on', () => {
    for (const digit of '0123456789') expect(press(digit, true)).toBeNull();
    expect(press('+', true)).toBe('next');
    expect(press('-', true)).toBe('previous');
    expect(press('Enter', true)).toBe('activate');
    expect(press('Backspace', true)).toBeNull();
    expect(press('Delete', true)).toBeNull();
  });

  it('go back with Shift+Tab and on with Tab', () => {
    expect(press('Tab')).toBe('next');
    expect(press('Tab', false, true)).toBe('previous');
  });

  it('repeat, help, volume, speed, screen, call staff and leave', () => {
    expect(press('*')).toBe('repeat');
    expect(press('/')).toBe('help');
    expect(press('9')).toBe('louder');
    expect(press('3')).toBe('quieter');
    expect(press('7')).toBe('slower');
    expect(press('1')).toBe('faster');
    expect(press('0')).toBe('screen');
    expect(press('.')).toBe('callStaff');
    expect(press('Escape')).toBe('exit');
  });

  it('ignore letters, which a scanner or a keyboard user may type', () => {
    expect(press('a')).toBeNull();
    expect(press('X')).toBeNull();
  });

  it('start with * or F1', () => {
    expect(isStartKey('*')).toBe(true);
    expect(isStartKey('F1')).toBe(true);
    expect(isStartKey('Enter')).toBe(false);
  });
});
