import type { WebContentsPrintOptions } from 'electron';

/**
 * How the A4 application form goes to the system printer: no dialog in front
 * of the citizen, A4, the page's own print stylesheet (backgrounds on for the
 * form's table shading), to the printer the station configured or else the
 * system's default.
 */
export function a4FormPrintOptions(printerName: string | null): WebContentsPrintOptions {
  return {
    silent: true,
    printBackground: true,
    pageSize: 'A4',
    landscape: false,
    copies: 1,
    ...(printerName === null ? {} : { deviceName: printerName }),
  };
}
