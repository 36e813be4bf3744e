import { describe, expect, it } from 'vitest';
import { lockdownPolicy, type KeyInput } from '../../../electron/shell/lockdown';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key' | 'type'>> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  alt: false,
  control: false,
  shift: false,
  meta: false,
  ...mods,
});
const locked = { technicianUnlocked: false };

describe('lockdownPolicy: keys that would leave or break the kiosk', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+Shift+W', key('W', { control: true, shift: true })],
    ['Ctrl+Q', key('q', { control: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['F5', key('F5')],
    ['Ctrl+F5', key('F5', { control: true })],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+S', key('s', { control: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl+T', key('t', { control: true })],
    ['Ctrl+U', key('u', { control: true })],
    ['Ctrl+Plus (zoom)', key('+', { control: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
    ['Alt+Left (back)', key('ArrowLeft', { alt: true })],
    ['Browser back key', key('BrowserBack')],
    ['Cmd+Q', key('q', { meta: true })],
    ['Super key', key('Meta', { meta: true })],
  ])('blocks %s', (_name, input) => {
    expect(lockdownPolicy(input, locked)).toBe('block');
  });

  it.each([
    ['a letter', key('a')],
    ['a digit', key('7')],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Tab (assistive keypads move focus)', key('Tab')],
    ['Shift+Tab', key('Tab', { shift: true })],
    ['Escape (closes our dialogs)', key('Escape')],
    ['Space', key(' ')],
    ['arrow keys', key('ArrowDown')],
  ])('lets %s through', (_name, input) => {
    expect(lockdownPolicy(input, locked)).toBe('allow');
  });

  it('ignores key-up events (the key-down was already decided)', () => {
    expect(lockdownPolicy({ ...key('F5'), type: 'keyUp' }, locked)).toBe('allow');
  });

  it('lets a technician who has unlocked use every key', () => {
    expect(
      lockdownPolicy(key('I', { control: true, shift: true }), { technicianUnlocked: true }),
    ).toBe('allow');
    expect(lockdownPolicy(key('F4', { alt: true }), { technicianUnlocked: true })).toBe('allow');
  });
});
