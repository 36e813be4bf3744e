// The words of a rating, without the schemas that check one: the screen's first download
// carries these and no zod (core/evaluation.ts builds the schemas from them).

/**
 * 好差评: the citizen's rating of the service, once per application, as
 * 《国务院办公厅关于建立政务服务"好差评"制度提高政务服务水平的意见》
 * (国办发〔2019〕51号) asks of every 自助服务端 — five levels, and on a 差评 the
 * reasons the national scheme lists, plus an optional callback number given
 * with consent (差评 are called back and put right). Tied to the application
 * number only: never the citizen's name or ID number.
 */
export const RATINGS = [
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export type Rating = (typeof RATINGS)[number];

/** 不满意 and 非常不满意 are 差评: the reasons and the callback are offered. */
export const isBadRating = (rating: Rating): boolean =>
  rating === 'dissatisfied' || rating === 'very_dissatisfied';

/** What a 差评 may say was wrong (服务指引、办事程序、材料手续、操作界面、办理效率 …). */
export const RATING_REASONS = [
  'guide_unclear',
  'procedure_inconvenient',
  'materials_excessive',
  'interface_unfriendly',
  'too_slow',
  'attitude',
] as const;
export type RatingReason = (typeof RATING_REASONS)[number];
