import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { kiosk } from '../api/kiosk';
import type { AnyErrorCode } from '../api/error-messages';
import { HANDWRITING_MAX_POINTS, HANDWRITING_MAX_STROKES } from '../../core/limits';
import { resampleStroke } from '../keyboard/resample-stroke';

/** The pad's own coordinates: 1000 × 1000, as the recognizer reads them. */
const PAD = 1000;
type Point = [number, number];

/**
 * A square to write one character in with a finger. Each finished stroke is
 * sent to the main process's offline recognizer; the likeliest characters
 * come back for the candidate bar. Strokes stay in memory only, and are
 * cleared when 重写 is pressed or a character is picked (the keyboard then
 * mounts a fresh pad).
 */
export function HandwritingPad({
  onCandidates,
}: {
  readonly onCandidates: (candidates: readonly string[], problem: AnyErrorCode | null) => void;
}) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const strokes = useRef<Point[][]>([]);
  const drawing = useRef<Point[] | null>(null);
  const asked = useRef(0);
  const [empty, setEmpty] = useState(true);

  const redraw = (): void => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (c === null || c === undefined || g === null || g === undefined) return;
    g.clearRect(0, 0, c.width, c.height);
    // A light 田字格 helps to write the character in the middle and large.
    g.strokeStyle = '#c9d3e3';
    g.lineWidth = 2;
    g.setLineDash([12, 10]);
    g.beginPath();
    g.moveTo(c.width / 2, 0);
    g.lineTo(c.width / 2, c.height);
    g.moveTo(0, c.height / 2);
    g.lineTo(c.width, c.height / 2);
    g.stroke();
    g.setLineDash([]);
    g.strokeStyle = '#0b2a55';
    g.lineWidth = Math.max(6, c.width / 60);
    g.lineCap = 'round';
    g.lineJoin = 'round';
    for (const stroke of [...strokes.current, ...(drawing.current ? [drawing.current] : [])]) {
      g.beginPath();
      stroke.forEach(([x, y], i) => {
        const px = (x / PAD) * c.width;
        const py = (y / PAD) * c.height;
        if (i === 0) g.moveTo(px, py);
        else g.lineTo(px, py);
      });
      g.stroke();
    }
  };

  const clear = (): void => {
    strokes.current = [];
    drawing.current = null;
    asked.current += 1;
    setEmpty(true);
    onCandidates([], null);
    redraw();
  };

  useEffect(() => {
    const c = canvas.current;
    if (c === null) return;
    // Drawn at the screen's pixel density so the ink is sharp.
    const size = c.getBoundingClientRect().width;
    c.width = Math.round(size * window.devicePixelRatio);
    c.height = c.width;
    redraw();
  }, []);

  const pointOf = (event: React.PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    const clamp = (v: number): number => Math.min(PAD, Math.max(0, Math.round(v)));
    return [
      clamp(((event.clientX - box.left) / box.width) * PAD),
      clamp(((event.clientY - box.top) / box.height) * PAD),
    ];
  };

  const recognize = async (): Promise<void> => {
    const ticket = (asked.current += 1);
    const answer = await kiosk.recognizeHandwriting({
      strokes: strokes.current.map((s) => resampleStroke(s, HANDWRITING_MAX_POINTS)),
    });
    // A newer stroke (or a clear) has asked since: its answer is the one to show.
    if (ticket !== asked.current) return;
    if (answer.ok) onCandidates(answer.value.candidates, null);
    else onCandidates([], answer.error.code);
  };

  return (
    <div className="hw-pad-wrap">
      <canvas
        ref={canvas}
        className="hw-pad"
        data-testid="handwriting-pad"
        role="img"
        aria-label={t('keyboard.handwritingPad')}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          drawing.current = [pointOf(event)];
          setEmpty(false);
          redraw();
        }}
        onPointerMove={(event) => {
          const stroke = drawing.current;
          if (stroke === null || stroke.length >= 2000) return;
          const point = pointOf(event);
          const last = stroke[stroke.length - 1];
          // A point every few pad units is all the recognizer needs.
          if (last !== undefined && Math.hypot(point[0] - last[0], point[1] - last[1]) < 4) return;
          stroke.push(point);
          redraw();
        }}
        onPointerUp={() => {
          if (drawing.current === null) return;
          // Past the most strokes a character has, more ink only scribbles over it.
          strokes.current = [...strokes.current, drawing.current].slice(0, HANDWRITING_MAX_STROKES);
          drawing.current = null;
          redraw();
          void recognize();
        }}
      />
      <p className="hw-hint">
        {t(empty ? 'keyboard.handwritingHint' : 'keyboard.handwritingMore')}
      </p>
      <button type="button" className="key key-wide" onClick={clear} disabled={empty}>
        {t('keyboard.rewrite')}
      </button>
    </div>
  );
}
