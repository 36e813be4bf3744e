/** A WAV's format, length and loudness: a file of silence would pass a length check. */
export interface WavFacts {
  readonly riff: string;
  readonly wave: string;
  readonly rate: number;
  readonly bits: number;
  readonly channels: number;
  readonly seconds: number;
  readonly rms: number;
}

/** Reads a 16-bit PCM WAV with the plain 44-byte header (what eSpeak NG writes). */
export function wavFacts(wav: Uint8Array): WavFacts {
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const tag = (at: number): string => String.fromCharCode(...wav.subarray(at, at + 4));
  const rate = view.getUint32(24, true);
  const samples = Math.floor((wav.byteLength - 44) / 2);
  let sum = 0;
  for (let i = 0; i < samples; i += 1) sum += view.getInt16(44 + i * 2, true) ** 2;
  return {
    riff: tag(0),
    wave: tag(8),
    rate,
    bits: view.getUint16(34, true),
    channels: view.getUint16(22, true),
    seconds: samples / rate,
    rms: Math.sqrt(sum / Math.max(1, samples)),
  };
}
