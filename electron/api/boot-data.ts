import { readFile } from 'node:fs/promises';
import { BOOT_DATA_ELEMENT_ID, type BootData } from '../../core/api/boot-data';
import type { Dispatch } from './dispatch';

/**
 * JSON that cannot end its script element: every `<` becomes `\u003c` (no `</script>`,
 * no `<!--`), and U+2028/U+2029 are escaped for any reader that takes it as JavaScript.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** index.html with the first screen's data in it (core/api/boot-data.ts); unchanged if the page has no body end. */
export function withBootData(html: string, data: BootData): string {
  const block = `<script type="application/json" id="${BOOT_DATA_ELEMENT_ID}">${scriptSafeJson(data)}</script>`;
  const end = html.lastIndexOf('</body>');
  return end === -1 ? html : `${html.slice(0, end)}${block}${html.slice(end)}`;
}

/**
 * The first screen's data, asked through the same dispatch as the page's own calls (the
 * contract checks both answers). Null when either fails: the page then asks itself and
 * shows its "try again" screen if it must.
 */
export async function bootData(dispatch: Dispatch): Promise<BootData | null> {
  const [info, services] = await Promise.all([
    dispatch('getKioskInfo', {}),
    dispatch('listServices', {}),
  ]);
  if (!info.ok || !services.ok) return null;
  return {
    info: info.value as BootData['info'],
    services: services.value as BootData['services'],
  };
}

/** A file of the renderer as both hosts serve it: index.html with the boot data when the kiosk could give them. */
export async function servedFile(file: string, dispatch: Dispatch): Promise<Buffer | string> {
  if (!file.endsWith('.html')) return readFile(file);
  const [html, data] = await Promise.all([readFile(file, 'utf8'), bootData(dispatch)]);
  return data === null ? html : withBootData(html, data);
}
