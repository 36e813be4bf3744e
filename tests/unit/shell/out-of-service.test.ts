import { describe, expect, it } from 'vitest';
import { outOfServicePage, OUT_OF_SERVICE_CSS_PATH } from '../../../electron/shell/out-of-service';

describe('out-of-service page', () => {
  it('tells citizens in both languages and the technician why', () => {
    const html = outOfServicePage('the kiosk database /var/lib/kiosk/kiosk.sqlite is damaged');
    expect(html).toContain('本机暂停服务');
    expect(html).toContain('请到窗口办理');
    expect(html).toContain('This kiosk is out of service');
    expect(html).toContain('/var/lib/kiosk/kiosk.sqlite is damaged');
    // No inline style or script: it is served under the kiosk's CSP.
    expect(html).not.toMatch(/<script|style=/);
    expect(html).toContain(`href="${OUT_OF_SERVICE_CSS_PATH}"`);
  });

  it('escapes the detail, which may hold any text', () => {
    expect(outOfServicePage('<img src=x onerror=alert(1)>')).toContain(
      '&lt;img src=x onerror=alert(1)&gt;',
    );
  });
});
