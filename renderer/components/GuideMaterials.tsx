import { describeRequirement, resolveRequirements } from '../../rules/engine/requirements';
import type { ServiceRule } from '../../rules/engine/schema';
import { aside } from '../format';
import { useT } from '../i18n';

/** 申请材料 in the public guide: each requirement, its alternatives, and whether it always applies. */
export function GuideMaterials({ rule }: { readonly rule: ServiceRule }) {
  const { t, l, locale } = useT();
  return (
    <ul className="materials">
      {resolveRequirements(rule).map((r) => {
        const single = r.options.length === 1 ? r.options[0] : undefined;
        const conditional = r.requiredIf === true ? null : t('guide.whenRequired');
        return (
          <li key={r.id} className="material">
            <span className="material-name">
              {l(r.name)}
              {single === undefined && (
                <span className="material-alt">{aside(t('guide.alternatives'), locale)}</span>
              )}
            </span>
            {single === undefined ? (
              <span className="material-meta">
                {[l(describeRequirement(r)), conditional].filter((x) => x !== null).join(' · ')}
              </span>
            ) : (
              single.map((m) => (
                <span className="material-meta" key={m.id}>
                  {[
                    single.length > 1 ? l(m.name) : null,
                    m.original ? t('guide.original') : null,
                    m.copies > 0 ? t('guide.copies', { copies: m.copies }) : null,
                    conditional,
                    t(`guide.capture.${m.capture}` as const),
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
