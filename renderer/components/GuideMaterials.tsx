import {
  describeRequirement,
  resolveRequirements,
  type ResolvedRequirement,
} from '../../rules/engine/requirements';
import type { ServiceRule } from '../../rules/engine/schema';
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
          <RequirementList list={always} />
        </>
      )}
      {sometimes.length > 0 && (
        <>
          <h3 className="guide-subheading">{t('guide.materialsSometimes')}</h3>
          <RequirementList list={sometimes} />
        </>
      )}
    </>
  );
}

function RequirementList({ list }: { readonly list: readonly ResolvedRequirement[] }) {
  const { t, l, locale } = useT();
  return (
    <ul className="materials">
      {list.map((r) => {
        const single = r.options.length === 1 ? r.options[0] : undefined;
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
          </li>
        );
      })}
    </ul>
  );
}
