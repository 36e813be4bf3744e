import QRCode from 'qrcode';
import { useMemo } from 'react';

/**
 * A QR code drawn as SVG rectangles: no data: URL (the CSP forbids them) and
 * crisp at any size. Error correction M survives a creased paper slip.
 */
export function QrCode({
  text,
  label,
  size = 220,
}: {
  readonly text: string;
  readonly label: string;
  readonly size?: number;
}) {
  const path = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const parts: string[] = [];
    for (let y = 0; y < modules.size; y += 1) {
      for (let x = 0; x < modules.size; x += 1) {
        if (modules.get(x, y) === 1) parts.push(`M${x + 4} ${y + 4}h1v1h-1z`);
      }
    }
    return { d: parts.join(''), extent: modules.size + 8 };
  }, [text]);
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${path.extent} ${path.extent}`}
      shapeRendering="crispEdges"
    >
      <rect width={path.extent} height={path.extent} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
