import { BOOT_DATA_ELEMENT_ID, type BootData } from '../../core/api/boot-data';

/**
 * The first screen's data the kiosk put into index.html (electron/api/boot-data.ts),
 * taken once: the block is removed, so a later load (new rules) asks the kiosk again.
 * Trusted as the page's own calls are (the same dispatch checked them against the
 * contract); null when absent or unreadable, and the page asks for itself.
 */
export function takeBootData(): BootData | null {
  const element = document.getElementById(BOOT_DATA_ELEMENT_ID);
  if (element === null) return null;
  element.remove();
  try {
    const data = JSON.parse(element.textContent) as Partial<BootData> | null;
    return data?.info !== undefined && Array.isArray(data.services) ? (data as BootData) : null;
  } catch {
    return null;
  }
}
