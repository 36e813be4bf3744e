import { describe, expect, it } from 'vitest';
import { createHelpDesk } from '../../../electron/kiosk/help-desk';
import { createLogger } from '../../../electron/shared/log';
import { manualClock } from '../../../core/clock';
import { TEST_NOW } from '../../test-clock';

function desk() {
  const clock = manualClock(new Date(TEST_NOW));
  const audited: { actor: string; action: string; fields: unknown }[] = [];
  const help = createHelpDesk({
    clock,
    audit: { record: (actor, action, fields) => void audited.push({ actor, action, fields }) },
    log: createLogger({ quiet: true, clock }),
  });
  const seen: unknown[] = [];
  help.onChange((request) => seen.push(request));
  return { clock, help, audited, seen };
}

describe('呼叫工作人员: the help desk', () => {
  it('opens one call, keeps its first time when pressed again, and closes it when a guide comes', () => {
    const { clock, help, audited, seen } = desk();
    const first = help.request('question');
    clock.advance(20_000);
    expect(help.request('review')).toEqual(first);
    expect(help.current()).toEqual({ since: first.since, screen: 'question' });
    clock.advance(70_000);
    expect(help.answer('guide')).toBe(true);
    expect(help.current()).toBeNull();
    expect(help.answer('guide')).toBe(false);
    expect(seen).toEqual([first, null]);
    expect(audited).toEqual([
      { actor: 'citizen', action: 'help.requested', fields: { screen: 'question' } },
      { actor: 'guide', action: 'help.answered', fields: { waitedSeconds: 90 } },
    ]);
  });
});
