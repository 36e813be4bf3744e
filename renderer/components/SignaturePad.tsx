import { useState, type PointerEvent } from 'react';
import {
  extendStroke,
  SIGNATURE_BOX,
  signaturePath,
  toSignatureUnits,
  type SignaturePoint,
} from '../../core/signature';
import { useT } from '../i18n';
import { useJourney } from '../state/journey';

type Stroke = readonly SignaturePoint[];

/**
 * The citizen signs under the declaration with a finger: vector strokes, kept
 * in the journey (wiped with it), drawn on the A4 form and sent with the
 * application. Signing here is a convenience, never a condition: the form can
 * still be signed by hand at the window.
 */
export function SignaturePad() {
  const { t } = useT();
  const signature = useJourney((s) => s.signature);
  const setSignature = useJourney((s) => s.setSignature);
  const [drawing, setDrawing] = useState<Stroke | null>(null);
  const strokes = signature?.strokes ?? [];

  const pointOf = (event: PointerEvent<SVGSVGElement>): SignaturePoint => {
    const rect = event.currentTarget.getBoundingClientRect();
    return toSignatureUnits(
      event.clientX - rect.left,
      event.clientY - rect.top,
      rect.width,
      rect.height,
    );
  };
  const finish = (): void => {
    if (drawing !== null && drawing.length > 0) setSignature({ strokes: [...strokes, drawing] });
    setDrawing(null);
  };

  return (
    <div className="signature">
      <svg
        className={`signature-pad${strokes.length > 0 ? ' is-signed' : ''}`}
        viewBox={`0 0 ${SIGNATURE_BOX.width} ${SIGNATURE_BOX.height}`}
        role="img"
        aria-label={strokes.length > 0 ? t('review.signed') : t('review.signatureArea')}
        data-testid="signature-pad"
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setDrawing([pointOf(event)]);
        }}
        onPointerMove={(event) => {
          if (drawing !== null) setDrawing(extendStroke(drawing, pointOf(event)));
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      >
        <line
          className="signature-baseline"
          x1="60"
          x2={SIGNATURE_BOX.width - 60}
          y1={SIGNATURE_BOX.height - 80}
          y2={SIGNATURE_BOX.height - 80}
        />
        {strokes.length === 0 && drawing === null && (
          <text
            className="signature-placeholder"
            x={SIGNATURE_BOX.width / 2}
            y={SIGNATURE_BOX.height / 2}
          >
            {t('review.signatureArea')}
          </text>
        )}
        <path
          className="signature-ink"
          d={signaturePath(drawing === null ? strokes : [...strokes, drawing])}
        />
      </svg>
      <button
        type="button"
        className="button button-secondary"
        disabled={strokes.length === 0}
        onClick={() => setSignature(null)}
      >
        {t('review.signatureClear')}
      </button>
    </div>
  );
}
