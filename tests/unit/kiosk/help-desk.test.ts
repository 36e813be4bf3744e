import { describe, expect, it } from 'vitest';
import { createHelpDesk } from '../../../electron/kiosk/help-desk';
import { createLogger } from '../../../electron/shared/log';
import { manualClock } from '../../../core/clock';
import { TEST_NOW } from '../../test-clock';

/** A back office that takes the heartbeat when `answers` says so; null: no back office at all. */
function desk(answers: boolean[] | null) {
  const clock = manualClock(new Date(TEST_NOW));
  const audited: { actor: string; action: string; fields: unknown }[] = [];
  let told = 0;
  const help = createHelpDesk({
    clock,
    audit: { record: (actor, action, fields) => void audited.push({ actor, action, fields }) },
    log: createLogger({ quiet: true, clock }),
    notify: () => {
      if (answers === null) return null;
      told += 1;
      return Promise.resolve(answers.shift() ?? false);
    },
  });
  const seen: unknown[] = [];
  help.onChange((request) => seen.push(request === null ? null : request.delivery));
  return { clock, help, audited, seen, told: () => told };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('呼叫工作人员: the help desk', () => {
  it('opens one call, tells the back office once, keeps its first time when pressed again, and closes it when a guide comes', async () => {
    const { clock, help, audited, seen, told } = desk([true]);
    const first = help.request('question');
    expect(first.delivery).toBe('sending');
    await settled();
    expect(help.current()?.delivery).toBe('sent');
    clock.advance(20_000);
    expect(help.request('review')).toEqual({
      since: first.since,
      screen: 'question',
      delivery: 'sent',
    });
    expect(told()).toBe(1);
    clock.advance(70_000);
    expect(help.answer('guide')).toBe(true);
    expect(help.current()).toBeNull();
    expect(help.answer('guide')).toBe(false);
    expect(seen).toEqual(['sending', 'sent', null]);
    expect(audited).toEqual([
      { actor: 'citizen', action: 'help.requested', fields: { screen: 'question' } },
      { actor: 'guide', action: 'help.answered', fields: { waitedSeconds: 90 } },
    ]);
  });

  it('says the call did not get through where there is no back office', () => {
    const { help, seen } = desk(null);
    expect(help.request('guide').delivery).toBe('not_sent');
    expect(help.request('guide').delivery).toBe('not_sent');
    expect(seen).toEqual(['not_sent', 'not_sent']);
  });

  it('tries again when the citizen presses again after the back office did not take it', async () => {
    const { help, seen, told, audited } = desk([false, true]);
    help.request('materials');
    await settled();
    expect(help.current()?.delivery).toBe('not_sent');
    expect(help.request('materials').delivery).toBe('sending');
    await settled();
    expect(help.current()?.delivery).toBe('sent');
    expect(told()).toBe(2);
    expect(seen).toEqual(['sending', 'not_sent', 'sending', 'sent']);
    // One call, audited once, however often it was sent.
    expect(audited).toHaveLength(1);
  });
});
