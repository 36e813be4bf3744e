import { describe, expect, it } from 'vitest';
import { a4FormPrintOptions } from '../../../electron/shell/print-options';

describe('the A4 application form on the system printer', () => {
  it('prints silently on A4, to the configured printer', () => {
    expect(a4FormPrintOptions('HP_LaserJet_M404')).toEqual({
      silent: true,
      printBackground: true,
      pageSize: 'A4',
      landscape: false,
      copies: 1,
      deviceName: 'HP_LaserJet_M404',
    });
  });

  it("uses the system's default printer when none is configured", () => {
    const options = a4FormPrintOptions(null);
    expect(options).not.toHaveProperty('deviceName');
    expect(options.silent).toBe(true);
  });
});
