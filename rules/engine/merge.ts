import type { CommonRules, ServiceRule } from './schema';

/**
 * A service as citizens meet it: its own questions and materials followed by
 * the ones every service shares (`rules/common.json`: the green channel
 * question, its proof, its conditions).
 */
export function withCommon(rule: ServiceRule, common: CommonRules): ServiceRule {
  return {
    ...rule,
    questions: [
      ...rule.questions,
      ...common.questions.filter((q) => !rule.questions.some((o) => o.id === q.id)),
    ],
    materials: [
      ...rule.materials,
      ...common.materials.filter((m) => !rule.materials.some((o) => o.id === m.id)),
    ],
    greenChannel: [...rule.greenChannel, ...common.greenChannel],
  };
}
