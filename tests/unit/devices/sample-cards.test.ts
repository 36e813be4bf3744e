import { describe, expect, it } from 'vitest';
import { sampleCards } from '../../../electron/devices/sim/sample-cards';
import { parseTextBlock } from '../../../electron/devices/idcard/text-block';
import { encodeTextBlock } from '../../../electron/devices/sim/text-block-encoder';
import { ageOn } from '../../../base/dates';
import { checkIdNumber } from '../../../rules/engine/id-number';

/** The demo's scenarios hold on any day a kiosk or a test suite runs. */
describe.each(['2026-06-15', '2026-12-01', '2027-06-15', '2028-02-29', '2035-01-01'])(
  'the sample cards on %s',
  (today) => {
    const cards = Object.fromEntries(
      sampleCards(today).map((card) => {
        const parsed = parseTextBlock(encodeTextBlock(card.kind, card.fields), today);
        if (!parsed.ok) throw new Error(`${card.id}: ${parsed.error.message}`);
        return [card.id, { card, identity: parsed.value }];
      }),
    );
    const age = (id: string) => ageOn(cards[id]!.identity.birthDate, today);

    it('parse as real cards with valid ID numbers', () => {
      for (const { identity } of Object.values(cards))
        expect(checkIdNumber(identity.idNumber, today), identity.name).toBeNull();
    });

    it('keep their people: an elder of 70 or more, a minor under 16, adults in between', () => {
      expect(age('elder')).toBeGreaterThanOrEqual(70);
      expect(age('minor')).toBeLessThan(16);
      expect(age('minor')).toBeGreaterThanOrEqual(14);
      expect(age('adult')).toBeGreaterThanOrEqual(18);
      expect(age('polyphone')).toBeGreaterThanOrEqual(18);
    });

    it('have one expired card and every other card valid today', () => {
      for (const [id, { identity }] of Object.entries(cards)) {
        const valid = identity.validTo === '长期' || identity.validTo >= today;
        expect(valid, id).toBe(id !== 'expired');
        expect(identity.validFrom <= today, id).toBe(true);
      }
    });

    it('label each person with the age the card says', () => {
      expect(cards['adult']!.card.label['zh-CN']).toBe(`王晓明（${age('adult')}岁，男）`);
      expect(cards['expired']!.card.label['zh-CN']).toBe('赵建国（证件已过期）');
    });
  },
);
