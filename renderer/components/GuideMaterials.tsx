import { describeCondition, type ConditionClause } from '../../rules/engine/describe-condition';
import {
  describeRequirement,
  resolveRequirements,
  type ResolvedRequirement,
} from '../../rules/engine/requirements';
import type { LocalText, ServiceRule } from '../../rules/engine/schema';
import { aside } from '../format';
import { useT } from '../i18n';

/**
 * 申请材料 in the public guide, in two lists a citizen can scan: what everyone
 * brings, and what only some must bring (by reason, age, or a green-channel need).
 */
export function GuideMaterials({ rule }: { readonly rule: ServiceRule }) {
  const { t } = useT();
  const all = resolveRequirements(rule);
  const always = all.filter((r) => r.requiredIf === true);
  const sometimes = all.filter((r) => r.requiredIf !== true);
  return (
    <>
      {always.length > 0 && (
        <>
          <h3 className="guide-subheading">{t('guide.materialsAlways')}</h3>
          <RequirementList list={always} rule={rule} />
        </>
      )}
      {sometimes.length > 0 && (
        <>
          <h3 className="guide-subheading">{t('guide.materialsSometimes')}</h3>
          <RequirementList list={sometimes} rule={rule} />
        </>
      )}
    </>
  );
}

/** A clause in the screen's words: 「您是否需要加急办理？」没有选「不需要」，且未满16周岁. */
function conditionWords(
  clause: ConditionClause,
  t: ReturnType<typeof useT>['t'],
  l: (text: LocalText) => string,
): string {
  switch (clause.kind) {
    case 'answer':
      return t(clause.not ? 'guide.when.notChose' : 'guide.when.chose', {
        question: l(clause.question),
        answers: clause.answers
          .map((a) => t('guide.when.answer', { answer: l(a) }))
          .join(t('guide.when.orWord')),
      });
    case 'card':
      return t(clause.has ? 'guide.when.hasCard' : 'guide.when.noCard');
    case 'ageUnder':
      return t('guide.when.ageUnder', { age: clause.age });
    case 'ageAtLeast':
      return t('guide.when.ageAtLeast', { age: clause.age });
    case 'all':
    case 'any':
      return clause.clauses
        .map((c) => conditionWords(c, t, l))
        .join(t(clause.kind === 'all' ? 'guide.when.and' : 'guide.when.or'));
  }
}

function RequirementList({
  list,
  rule,
}: {
  readonly list: readonly ResolvedRequirement[];
  readonly rule: ServiceRule;
}) {
  const { t, l, locale } = useT();
  return (
    <ul className="materials">
      {list.map((r) => {
        const single = r.options.length === 1 ? r.options[0] : undefined;
        const when = r.requiredIf === true ? null : describeCondition(r.requiredIf, rule.questions);
        return (
          <li key={r.id} className="material">
            <span className="material-name">
              {l(r.name)}
              {single === undefined && (
                <span className="material-alt">{aside(t('guide.alternatives'), locale)}</span>
              )}
            </span>
            {single === undefined ? (
              <span className="material-meta">{l(describeRequirement(r))}</span>
            ) : (
              single.map((m) => (
                <span className="material-meta" key={m.id}>
                  {[
                    single.length > 1 ? l(m.name) : null,
                    m.original ? t('guide.original') : null,
                    m.copies > 0 ? t('guide.copies', { copies: m.copies }) : null,
                    m.notes === undefined ? null : l(m.notes),
                  ]
                    .filter((x) => x !== null)
                    .join(' · ')}
                </span>
              ))
            )}
            {when !== null && (
              <span className="material-when" data-testid="material-when">
                {t('guide.when', { condition: conditionWords(when, t, l) })}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
