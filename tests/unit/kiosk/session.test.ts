import { serviceId } from '../../service-id';
import { manualClock } from '../../../core/clock';
import { TEST_NOW } from '../../test-clock';
import { describe, expect, it } from 'vitest';
import { createSessionKeeper } from '../../../electron/kiosk/session';

describe('the session at the screen', () => {
  it("zeroes the card's photo and the material photos when it ends, and keeps no reference", () => {
    const sessions = createSessionKeeper(manualClock(new Date(TEST_NOW)));
    const session = sessions.start(serviceId('passport-first'));
    const portrait = Buffer.from('a decoded portrait, personal data');
    const page = Buffer.from('a photographed material');
    session.cardImage = { mediaType: 'image/png', bytes: portrait };
    session.captures.push({
      id: 'c1',
      materialId: 'm1',
      mediaType: 'image/jpeg',
      bytes: page,
      sha256: '0'.repeat(64),
    });
    expect(sessions.end()).toMatchObject({ serviceId: 'passport-first', submitted: false });
    expect(portrait.every((b) => b === 0)).toBe(true);
    expect(page.every((b) => b === 0)).toBe(true);
    expect(session.cardImage).toBeNull();
    expect(session.captures).toEqual([]);
    expect(sessions.current()).toBeNull();
  });

  it('wipes the previous session when a new one starts without an end', () => {
    const sessions = createSessionKeeper(manualClock(new Date(TEST_NOW)));
    const first = sessions.start(serviceId('passport-first'));
    const portrait = Buffer.from('portrait');
    first.cardImage = { mediaType: 'image/png', bytes: portrait };
    sessions.start(serviceId('id-card'));
    expect(portrait.every((b) => b === 0)).toBe(true);
  });
});
