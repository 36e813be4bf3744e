import { describe, expect, it } from 'vitest';
import { isBadRating, RATINGS, ratingSchema } from '../../../core/evaluation';

describe('好差评 (国办发〔2019〕51号)', () => {
  it('has the five levels, best first; 不满意 and 非常不满意 are 差评', () => {
    expect(RATINGS).toEqual([
      'very_satisfied',
      'satisfied',
      'basically_satisfied',
      'dissatisfied',
      'very_dissatisfied',
    ]);
    expect(RATINGS.filter(isBadRating)).toEqual(['dissatisfied', 'very_dissatisfied']);
  });

  it('takes reasons and a callback (with consent, a real mobile number) on a 差评 only', () => {
    expect(ratingSchema.safeParse({ rating: 'satisfied' }).success).toBe(true);
    expect(ratingSchema.safeParse({ rating: 'satisfied', reasons: ['too_slow'] }).success).toBe(
      false,
    );
    expect(
      ratingSchema.safeParse({
        rating: 'dissatisfied',
        reasons: ['too_slow', 'guide_unclear'],
        callback: { phone: '13911112222', consent: true },
      }).success,
    ).toBe(true);
    for (const callback of [
      { phone: '13911112222', consent: false },
      { phone: '23911112222', consent: true },
      { phone: '1391111222', consent: true },
    ])
      expect(ratingSchema.safeParse({ rating: 'very_dissatisfied', callback }).success).toBe(false);
    expect(
      ratingSchema.safeParse({ rating: 'dissatisfied', reasons: ['too_slow', 'too_slow'] }).success,
    ).toBe(false);
  });
});
