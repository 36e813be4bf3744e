/** AIM symbology identifiers (`]Q1` …) as names a technician recognises. */
// prettier-ignore
const SYMBOLOGIES: Readonly<Record<string, string>> = {
  A: 'Code 39', C: 'Code 128', d: 'Data Matrix', E: 'EAN/UPC', e: 'GS1 DataBar', F: 'Codabar',
  G: 'Code 93', I: 'Interleaved 2 of 5', L: 'PDF417', Q: 'QR Code', z: 'Aztec', X: 'other',
};

/** `]Q1` → "QR Code"; null when the three characters are not an AIM identifier. */
export function symbologyFromAim(aim: string): string | null {
  const match = /^\]([A-Za-z])(\w)$/.exec(aim);
  if (match === null) return null;
  return SYMBOLOGIES[match[1] ?? ''] ?? `AIM ${aim}`;
}
