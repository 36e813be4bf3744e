import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RulesDownload } from '../../electron/sync/protocol';

/**
 * A signed rules folder (as `rules:sign` left it) as the back office sends it in
 * `GET /kiosks/{id}/rules`: the manifest, its signature and every file it lists, base64.
 */
export function rulesDownloadOf(folder: string): NonNullable<RulesDownload['bundle']> {
  const manifestBytes = readFileSync(join(folder, 'bundle.json'));
  const manifest = JSON.parse(manifestBytes.toString('utf8')) as {
    version: string;
    files: Record<string, string>;
  };
  return {
    version: manifest.version,
    manifest: manifestBytes.toString('base64'),
    signature: readFileSync(join(folder, 'bundle.sig')).toString('base64'),
    files: Object.fromEntries(
      Object.keys(manifest.files).map((f) => [f, readFileSync(join(folder, f)).toString('base64')]),
    ),
  };
}
