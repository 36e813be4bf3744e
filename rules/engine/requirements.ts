import type { MaterialDeclaration } from './logic';
import type { LocalText, Material, Requirement, ServiceRule } from './schema';

/** A requirement with its materials resolved: each option is a set that satisfies it together. */
export interface ResolvedRequirement {
  readonly id: string;
  readonly name: LocalText;
  readonly requiredIf: Requirement['requiredIf'];
  /** `anyOf` groups, or every `atLeast`-sized choice left implicit: see `atLeast`. */
  readonly options: readonly (readonly Material[])[];
  /** For "at least N of": N, with `options` holding one material each. */
  readonly atLeast: number;
  readonly hint?: LocalText;
}

/**
 * Turns materials and requirements into one list of requirements: a material
 * no requirement mentions is a requirement of its own.
 */
export function resolveRequirements(rule: ServiceRule): readonly ResolvedRequirement[] {
  const byId = new Map(rule.materials.map((m) => [m.id, m]));
  const material = (id: string): Material => {
    const found = byId.get(id);
    if (found === undefined) throw new Error(`requirement refers to unknown material "${id}"`);
    return found;
  };
  const grouped = new Set(
    rule.requirements.flatMap((r) => [...(r.anyOf?.flat() ?? []), ...(r.of ?? [])]),
  );
  const explicit = rule.requirements.map((r): ResolvedRequirement => {
    const base = {
      id: r.id,
      name: r.name,
      requiredIf: r.requiredIf,
      ...(r.hint ? { hint: r.hint } : {}),
    };
    if (r.of !== undefined)
      return { ...base, options: r.of.map((id) => [material(id)]), atLeast: r.atLeast ?? 1 };
    return { ...base, options: (r.anyOf ?? []).map((group) => group.map(material)), atLeast: 1 };
  });
  const standalone = rule.materials
    .filter((m) => !grouped.has(m.id))
    .map((m): ResolvedRequirement => ({
      id: m.id,
      name: m.name,
      requiredIf: m.requiredIf,
      options: [[m]],
      atLeast: 1,
    }));
  return [...standalone, ...explicit];
}

/**
 * Whether a material counts as provided: declared captured or brought, or read
 * from the card. A portrait is always provided: taken here, or at the window.
 */
export function provided(
  material: Material,
  declarations: Readonly<Record<string, MaterialDeclaration>>,
  cardRead: boolean,
): boolean {
  if (material.capture === 'idcard' && cardRead) return true;
  if (material.capture === 'portrait') return true;
  const said = declarations[material.id];
  return said === 'captured' || said === 'bring';
}

/**
 * Met by the ID card alone (every way to satisfy it is read from the card):
 * the citizen has nothing to bring for it, so the slip leaves it out and the
 * A4 form lists it as read at the kiosk.
 */
export const provedByCard = (requirement: Pick<ResolvedRequirement, 'options'>): boolean =>
  requirement.options.every((option) => option.every((m) => m.capture === 'idcard'));

/** Met only by a 证件照 (taken at the kiosk, or at the window): never brought, never missing. */
export const portraitOnly = (requirement: Pick<ResolvedRequirement, 'options'>): boolean =>
  requirement.options.every((option) => option.every((m) => m.capture === 'portrait'));

export function isSatisfied(
  requirement: ResolvedRequirement,
  declarations: Readonly<Record<string, MaterialDeclaration>>,
  cardRead: boolean,
): boolean {
  const satisfiedOptions = requirement.options.filter((option) =>
    option.every((m) => provided(m, declarations, cardRead)),
  ).length;
  return requirement.atLeast > 1 ? satisfiedOptions >= requirement.atLeast : satisfiedOptions >= 1;
}

/**
 * What would satisfy a requirement, in words for the 一次性告知单:
 * "出生医学证明或亲属关系证明（任选一项）", "劳动合同和社会保险缴纳证明；或人才引进证明".
 */
export function describeRequirement(requirement: {
  readonly options: readonly (readonly Material[])[];
  readonly atLeast: number;
  readonly hint?: LocalText;
}): LocalText {
  if (requirement.hint !== undefined) return requirement.hint;
  const join = (locale: 'zh-CN' | 'en'): string => {
    const and = locale === 'zh-CN' ? '和' : ' and ';
    const or = locale === 'zh-CN' ? '；或' : '; or ';
    const groups = requirement.options.map((group) => group.map((m) => m.name[locale]).join(and));
    if (requirement.options.length === 1) return groups[0] ?? '';
    if (requirement.atLeast > 1) {
      return locale === 'zh-CN'
        ? `${groups.join('、')}中的任意${requirement.atLeast}项`
        : `any ${requirement.atLeast} of: ${groups.join(', ')}`;
    }
    const allSingle = requirement.options.every((group) => group.length === 1);
    if (allSingle) {
      return locale === 'zh-CN'
        ? `${groups.join('或')}（任选一项）`
        : `${groups.join(' or ')} (any one)`;
    }
    return groups.join(or);
  };
  return { 'zh-CN': join('zh-CN'), en: join('en') };
}
