import { useState } from 'react';
import type { RequirementState } from '../../rules/engine/evaluate';
import type { Material } from '../../rules/engine/schema';
import { ErrorSummary } from '../components/ErrorSummary';
import { HomeButton } from '../components/HomeButton';
import { Screen } from '../components/Screen';
import { useT } from '../i18n';
import { kioskTakesPhoto, lastQuestionScreen } from '../state/actions';
import { useEvaluation } from '../state/evaluation';
import { useJourney } from '../state/journey';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';
import { provedByCard } from '../../rules/engine/requirements';

/** One material on its own: the row is the whole requirement, no separate heading. */
const isSingle = (r: RequirementState): boolean =>
  r.options.length === 1 && r.options[0]?.length === 1;

function StateMark({ satisfied }: { readonly satisfied: boolean }) {
  return (
    <span className={`requirement-state ${satisfied ? 'is-ok' : 'is-open'}`} aria-hidden="true">
      {satisfied ? '✓' : '!'}
    </span>
  );
}

/**
 * Every material the application needs, each with "I have it" / "I don't
 * have it". Missing ones do not stop the citizen: the slip lists them all.
 */
export function MaterialsScreen() {
  const { t, l } = useT();
  const go = useUi((s) => s.go);
  const evaluation = useEvaluation();
  const declarations = useJourney((s) => s.materials);
  const declare = useJourney((s) => s.declareMaterial);
  useScreenVoice(keyPrompt('voice.materials'), null, 'materials');
  const [showErrors, setShowErrors] = useState(false);
  if (evaluation === null) return null;

  const listed = evaluation.requirements.filter((r) => !provedByCard(r));
  const undeclared = listed
    .filter((r) => !r.satisfied)
    .flatMap((r) => r.options.flat())
    .filter((m) => m.capture !== 'idcard' && declarations[m.id] === undefined);
  const unique = [...new Map(undeclared.map((m) => [m.id, m])).values()];
  const missing = evaluation.missing.length;

  const mode = (r: RequirementState): string | null => {
    if (r.options.length === 1)
      return (r.options[0]?.length ?? 0) > 1 ? t('materials.allOf') : null;
    return r.atLeast > 1 ? t('materials.anyN', { n: r.atLeast }) : t('materials.anyOne');
  };

  return (
    <Screen
      name="materials"
      title={t('materials.title')}
      lead={t('materials.lead')}
      start={
        <>
          <HomeButton />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => lastQuestionScreen(evaluation)}
          >
            {t('app.back')}
          </button>
        </>
      }
      end={
        <button
          type="button"
          className="button button-primary"
          onClick={() => (unique.length > 0 ? setShowErrors(true) : go({ name: 'review' }))}
        >
          {t('app.next')}
        </button>
      }
    >
      <ErrorSummary
        items={
          showErrors
            ? unique.map((m) => ({
                targetId: `material-${m.id}`,
                message: t('materials.undeclared', { name: l(m.name) }),
              }))
            : []
        }
      />
      <ol className="requirement-list">
        {listed.map((r) => (
          <li className="requirement" key={r.id}>
            {isSingle(r) ? null : (
              <>
                <h2 className="requirement-name">
                  <StateMark satisfied={r.satisfied} />
                  {l(r.name)}
                </h2>
                {mode(r) !== null && <p className="requirement-mode">{mode(r)}</p>}
              </>
            )}
            {r.options.map((group, gi) => (
              <div className="requirement-option" key={gi}>
                {gi > 0 && <p className="requirement-or">{t('materials.or')}</p>}
                {group.map((m) => (
                  <MaterialRow
                    key={m.id}
                    material={m}
                    state={isSingle(r) ? r.satisfied : null}
                    declaration={declarations[m.id]}
                    onDeclare={(d) => {
                      declare(m.id, d);
                      setShowErrors(false);
                    }}
                  />
                ))}
              </div>
            ))}
          </li>
        ))}
      </ol>
      <p className={`notice${missing > 0 ? ' notice-warn' : ''}`} role="status">
        {missing > 0
          ? t('materials.summaryMissing', { n: missing })
          : t('materials.summaryComplete')}
      </p>
    </Screen>
  );
}

function MaterialRow({
  material,
  state,
  declaration,
  onDeclare,
}: {
  readonly material: Material;
  /** Shown beside a material that is a requirement on its own. */
  readonly state: boolean | null;
  readonly declaration: string | undefined;
  readonly onDeclare: (declaration: 'bring' | 'missing') => void;
}) {
  const { t, l } = useT();
  const camera = useUi((s) => s.info?.camera === true);
  const go = useUi((s) => s.go);
  const captures = useJourney((s) => s.captures);
  const photos = captures.filter((c) => c.materialId === material.id);
  const face = useUi((s) => s.info?.face);
  const atWindow = useJourney((s) => s.assistance?.faceAtWindow === true);
  const canPhotograph = camera && (material.capture === 'scan' || material.capture === 'photo');
  const facts = [
    material.original ? t('materials.original') : null,
    material.copies > 0 ? t('materials.copies', { copies: material.copies }) : null,
  ].filter((x) => x !== null);
  if (material.capture === 'portrait') {
    // The 证件照: taken here to its standard where this kiosk may, else at the window (free): never missing.
    const canTake = face !== undefined && !atWindow && kioskTakesPhoto(material);
    const taken = declaration === 'captured';
    return (
      <div className="material-row" data-portrait={taken ? 'taken' : 'window'}>
        <div className="material-text">
          <span className="material-name" id={`material-name-${material.id}`}>
            {l(material.name)}
          </span>
          <span className="material-meta" data-testid={`portrait-state-${material.id}`}>
            {t(taken ? 'materials.portraitTaken' : 'materials.portraitWindow')}
          </span>
          {photos.length > 0 && (
            <span className="material-photos">
              {photos.map((p) => (
                <img
                  key={p.id}
                  className="material-thumb material-thumb-portrait"
                  src={p.url}
                  alt={t('materials.thumbAlt', { name: l(material.name) })}
                />
              ))}
            </span>
          )}
        </div>
        {canTake && (
          <div
            className="material-actions"
            role="group"
            aria-labelledby={`material-name-${material.id}`}
          >
            <button
              type="button"
              className={`toggle${taken ? ' is-on' : ''}`}
              data-testid={`portrait-${material.id}`}
              onClick={() => go({ name: 'face', purpose: 'photo' })}
            >
              {taken ? t('materials.portraitRetake') : t('materials.portraitTake')}
            </button>
          </div>
        )}
      </div>
    );
  }
  if (material.capture === 'idcard') {
    return (
      <div className="material-row">
        <div className="material-text">
          <span className="material-name">{l(material.name)}</span>
          <span className="material-meta">{t('materials.readByKiosk')}</span>
        </div>
      </div>
    );
  }
  return (
    <div className="material-row">
      <div className="material-text">
        <span className="material-name" id={`material-name-${material.id}`}>
          {state !== null && <StateMark satisfied={state} />}
          <span>{l(material.name)}</span>
        </span>
        {facts.length > 0 && <span className="material-meta">{facts.join(' · ')}</span>}
        {material.notes !== undefined && <span className="material-meta">{l(material.notes)}</span>}
        {photos.length > 0 && (
          <span className="material-photos">
            {photos.map((p) => (
              <img
                key={p.id}
                className="material-thumb"
                src={p.url}
                alt={t('materials.thumbAlt', { name: l(material.name) })}
              />
            ))}
          </span>
        )}
      </div>
      <div
        className="material-actions"
        role="group"
        aria-labelledby={`material-name-${material.id}`}
        id={`material-${material.id}`}
        tabIndex={-1}
      >
        {canPhotograph && (
          <button
            type="button"
            className={`toggle${declaration === 'captured' ? ' is-on' : ''}`}
            aria-pressed={declaration === 'captured'}
            data-testid={`photograph-${material.id}`}
            onClick={() => go({ name: 'camera', materialId: material.id })}
          >
            {declaration === 'captured'
              ? `✓ ${t('materials.photographed', { n: photos.length })}`
              : t('materials.photograph')}
          </button>
        )}
        <button
          type="button"
          className={`toggle${declaration === 'bring' ? ' is-on' : ''}`}
          aria-pressed={declaration === 'bring'}
          onClick={() => onDeclare('bring')}
        >
          {declaration === 'bring' ? '✓ ' : ''}
          {t('materials.bring')}
        </button>
        <button
          type="button"
          className={`toggle toggle-missing${declaration === 'missing' ? ' is-on' : ''}`}
          aria-pressed={declaration === 'missing'}
          onClick={() => onDeclare('missing')}
        >
          {declaration === 'missing' ? '✗ ' : ''}
          {t('materials.missing')}
        </button>
      </div>
    </div>
  );
}
