/**
 * The file a spoken sentence is recorded in (`assets/audio/<name>.ogg`): a
 * 64-bit FNV-1a hash of the language and the text, worked out the same way by
 * the recorder (build/scripts/audio.ts) and by the screen, so the screen needs
 * no table of every sentence in its first download. A changed sentence gets a
 * new file.
 */
export function recordingName(locale: string, text: string): string {
  const FNV_PRIME = 0x100000001b3n;
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`${locale}\n${text}`)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & 0xffffffffffffffffn;
  }
  return `${hash.toString(16).padStart(16, '0')}.ogg`;
}
