import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../../core/api/contract';
import { manualClock } from '../../../../core/clock';
import { defaultConfig } from '../../../../electron/config/default';
import { parseConfig } from '../../../../electron/config/load';
import { infoHandlers, type InfoDeps } from '../../../../electron/kiosk/handlers/info';
import { loadRuleSet } from '../../../../electron/kiosk/rule-files';

/**
 * The home screen's first question, `listServices`, on the real shipped rules: its tiles and
 * search keys are built once per rule set, while the kiosk starts, not while a citizen waits.
 */
const CITIZEN: Caller = { role: 'citizen' };

function deps(ruleSet: InfoDeps['ruleSet']): InfoDeps {
  const config = parseConfig('test', defaultConfig);
  if (!config.ok) throw new Error(config.error.message);
  return {
    clock: manualClock(new Date('2026-06-15T02:00:00.000Z')),
    config: config.value,
    demo: null,
    devices: { health: () => [] } as unknown as InfoDeps['devices'],
    faceEnabled: false,
    handwriting: { available: false } as InfoDeps['handwriting'],
    paysHere: () => false,
    ruleSet,
    speech: { locales: [] } as unknown as InfoDeps['speech'],
    storage: () => ({ ok: true, freeMb: 1000, minFreeMb: 200 }),
    version: 'test',
  };
}

const rules = () => loadRuleSet('rules', join(mkdtempSync(join(tmpdir(), 'kiosk-info-')), 'last'));

describe('listServices', () => {
  it('answers every shipped item with its search keys, from one list built per rule set', async () => {
    const ruleSet = rules();
    const handlers = infoHandlers(deps(ruleSet));
    const first = await handlers.listServices({}, CITIZEN);
    const again = await handlers.listServices({}, CITIZEN);
    if (!first.ok || !again.ok) throw new Error('listServices failed');
    expect(first.value.map((s) => s.id).sort()).toEqual([...ruleSet.rules.keys()].sort());
    expect(first.value.find((s) => s.id === 'passport-first')?.searchKeys.initials).toMatch(
      /^pthz/,
    );
    expect(again.value).toBe(first.value);
    // Rules applied later (a new signed bundle) are a new set: their own list.
    const next = await infoHandlers(deps(rules())).listServices({}, CITIZEN);
    expect(next.ok && next.value).not.toBe(first.value);
  });
});
