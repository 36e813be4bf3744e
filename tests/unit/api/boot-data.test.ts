import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../core/result';
import { bootData, scriptSafeJson, withBootData } from '../../../electron/api/boot-data';
import type { Dispatch } from '../../../electron/api/dispatch';

const page = '<!doctype html><html><head></head><body><div id="root"></div></body></html>';
const info = { station: { name: '示例派出所</script><script>alert(1)</script>' } };

describe('the first screen’s data in index.html', () => {
  it('cannot end its script element, whatever a station names itself', () => {
    const json = scriptSafeJson(info);
    expect(json).not.toContain('</script');
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(info);
    expect(scriptSafeJson({ text: 'a\u2028b' })).toBe('{"text":"a\\u2028b"}');
  });

  it('sits inside the body, as a data block that never runs', () => {
    const html = withBootData(page, { info: info as never, services: [] });
    expect(html).toMatch(
      /<div id="root"><\/div><script type="application\/json" id="kiosk-boot">\{.*\}<\/script><\/body>/,
    );
    expect(withBootData('<p>no body end', { info: info as never, services: [] })).toBe(
      '<p>no body end',
    );
  });

  it('is left out when the kiosk cannot answer, so the page asks for itself', async () => {
    const answering: Dispatch = async (method) =>
      method === 'getKioskInfo' ? ok(info) : ok([{ id: 'passport-first' }]);
    await expect(bootData(answering)).resolves.toEqual({
      info,
      services: [{ id: 'passport-first' }],
    });
    const failing: Dispatch = async (method) =>
      method === 'getKioskInfo' ? err('internal', 'down') : ok([]);
    await expect(bootData(failing)).resolves.toBeNull();
  });
});
