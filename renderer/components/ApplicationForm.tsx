import { slipLines, type SlipRowKey } from '../../core/slip-lines';
import type { Slip } from '../../core/slip';
import { SIGNATURE_BOX, signaturePath } from '../../core/signature';
import type { Evaluation } from '../../rules/engine/evaluate';
import { ageOn, todayInChina } from '../../base/dates';
import { provedByCard } from '../../rules/engine/requirements';
import type { LocalText } from '../../rules/engine/schema';
import { formatDate, formatDateTime } from '../format';
import { pick, translate, type MessageKey, type Params } from '../i18n';
import { useJourney } from '../state/journey';
import { displayAnswer } from '../screens/display-answer';
import { identityRows } from './identity-rows';
import { QrCode } from './QrCode';

/** The official form is Chinese whatever language the screen was in. */
const zh = (key: MessageKey, params?: Params): string => translate('zh-CN', key, params);
const zl = (text: LocalText): string => pick('zh-CN', text);

/**
 * The A4 application form for signature, laid out like the paper form: the
 * applicant's details, every answer, the materials, the guide's help, and
 * signature lines. Hidden on screen (the screen masks the ID number; the form
 * for signature carries it in full); printed by the system printer through
 * `@media print`, or saved as PDF from the browser.
 */
export function ApplicationForm({
  slip,
  evaluation,
}: {
  readonly slip: Slip;
  readonly evaluation: Evaluation;
}) {
  const identity = useJourney((s) => s.identity);
  const rule = useJourney((s) => s.rule);
  const signature = useJourney((s) => s.signature);
  const applicant = evaluation.applicant;
  const principal = evaluation.principal;
  if (rule === null || applicant === null) return null;
  const answers = evaluation.questions.filter(
    ({ question }) => evaluation.answers[question.id] !== undefined,
  );
  // From the card when it was read; from the answers when the applicant had no card with them.
  const rows: [string, string][] =
    identity !== null
      ? identityRows(identity, zh, 'zh-CN', identity.idNumber)
          .filter((row) => row.field !== 'validity')
          .map((row) => [row.label, row.value])
      : [
          [zh('idcard.name'), applicant.name],
          [zh('idcard.birthDate'), formatDate(applicant.birthDate, 'zh-CN')],
          [zh('idcard.idNumber'), applicant.idNumber ?? ''],
        ];
  const assistance = slip.assistance;
  // The slip leaves out what the card reader proved; the form for signature lists it.
  const cardRead = evaluation.requirements.filter((r) => r.satisfied && provedByCard(r));
  // Fee, green channel and the guide's part in the slip's own words.
  const slipRows = new Set<SlipRowKey>([
    'fee',
    'greenChannel',
    'assistance',
    'identityCheck',
    'portrait',
  ]);
  const fromSlip = slipLines(slip, 'zh-CN').rows.filter((row) => slipRows.has(row.key));
  return (
    <article className="a4-form" aria-hidden="true" data-testid="a4-form" lang="zh-CN" dir="ltr">
      <header className="a4-head">
        <div>
          <h1 className="a4-title">{zh('form.title', { service: zl(slip.serviceName) })}</h1>
          <p className="a4-meta">
            {zh('form.station', { station: slip.station.name })} · {zh('slip.applicationNo')}{' '}
            {slip.applicationNo} · {formatDateTime(slip.submittedAt, 'zh-CN')}
          </p>
        </div>
        <QrCode text={slip.qrText} label={slip.applicationNo} />
      </header>
      {principal !== null && (
        <section>
          <h2 className="a4-section">{zh('form.principal')}</h2>
          <table className="a4-table">
            <tbody>
              <tr>
                <th scope="row">{zh('idcard.name')}</th>
                <td>{principal.name}</td>
              </tr>
              <tr>
                <th scope="row">{zh('idcard.idNumber')}</th>
                <td>{principal.idNumber}</td>
              </tr>
            </tbody>
          </table>
        </section>
      )}
      <section>
        {/* For someone else, the person whose card was read is the agent who came. */}
        <h2 className="a4-section">{zh(principal === null ? 'form.applicant' : 'form.agent')}</h2>
        <table className="a4-table">
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="a4-section">{zh('form.answers')}</h2>
        <table className="a4-table">
          <tbody>
            {answers.map(({ question }) => (
              <tr key={question.id}>
                <th scope="row">{zl(question.label)}</th>
                <td>
                  {displayAnswer(question, evaluation.answers[question.id] ?? '', 'zh-CN', zl)}
                </td>
              </tr>
            ))}
            {fromSlip.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="a4-section">{zh('form.materials')}</h2>
        <ul className="a4-list">
          {cardRead.map((r) => (
            <li key={zl(r.name)}>
              ☑ {zl(r.name)}（{zh('form.cardRead')}）
            </li>
          ))}
          {slip.bring.map((m) => (
            <li key={zl(m.name)}>☐ {zl(m.name)}</li>
          ))}
          {slip.captured.map((c) => (
            <li key={c.materialId}>
              ☑ {zl(c.name)}（{zh('form.photographed')}）
            </li>
          ))}
          {slip.missing.map((m) => (
            <li key={zl(m.name)}>
              ✗ {zl(m.name)}（{zh('form.missing')}）
            </li>
          ))}
        </ul>
      </section>
      <section className="a4-sign">
        <p>{zh('form.declaration')}</p>
        <div className="a4-sign-lines">
          {/* The person at the kiosk signed the review screen: the applicant, or the agent who came. */}
          <span className="a4-signed">
            {zh(principal === null ? 'form.applicantSignature' : 'form.agentSignature')}
            {signature !== null && (
              <>
                <svg
                  className="a4-signature"
                  viewBox={`0 0 ${SIGNATURE_BOX.width} ${SIGNATURE_BOX.height}`}
                  data-testid="a4-signature"
                >
                  <path d={signaturePath(signature.strokes)} />
                </svg>
                <small>{zh('form.signedOnKiosk')}</small>
              </>
            )}
          </span>
          <span>
            {zh('form.date')}
            {/* Signed at submission: that day in China. */}
            {signature !== null && formatDate(todayInChina(new Date(slip.submittedAt)), 'zh-CN')}
          </span>
        </div>
        {/* A minor's form is signed by the guardian too (民法典 第二十三条: the guardian is the minor's legal representative). */}
        {ageOn(applicant.birthDate, todayInChina(new Date(slip.submittedAt))) < 18 && (
          <div className="a4-sign-lines" data-testid="a4-guardian-signature">
            <span>{zh('form.guardianSignature')}</span>
            <span>{zh('form.date')}</span>
          </div>
        )}
        {assistance?.fillOnBehalf === true && (
          <div className="a4-sign-lines">
            <span>{zh('form.guideSignature')}</span>
            <span>{zh('form.date')}</span>
          </div>
        )}
        <div className="a4-sign-lines">
          <span>{zh('form.officerSignature')}</span>
          <span>{zh('form.acceptedOn')}</span>
        </div>
      </section>
      <footer className="a4-foot">{zh('form.footer', { version: slip.ruleVersion })}</footer>
    </article>
  );
}
