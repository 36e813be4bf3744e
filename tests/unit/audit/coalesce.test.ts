import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../core/clock';
import { coalescedAudit, createCoalescer, LINK_WINDOW_MS } from '../../../electron/audit/coalesce';
import { seededRandom, testSeed } from '../../seeded-random';

describe('link-state lines coalesced', () => {
  it('a link flapping for four minutes costs a few lines, and every change is still counted', () => {
    const random = seededRandom(testSeed('flapping link'));
    const coalescer = createCoalescer(LINK_WINDOW_MS);
    let at = 0;
    let up = true;
    let changes = 0;
    let written = 0;
    let folded = 0;
    let lines = 0;
    while (at < 4 * 60_000) {
      // A change every 0.7 s on average, as the flaky back office in the report did (341 in 4 minutes).
      at += Math.round(-Math.log(1 - random()) * 700);
      up = !up;
      changes += 1;
      const { write, summary } = coalescer.change(
        'back-office',
        up ? 'reachable' : 'unreachable',
        at,
      );
      if (write) {
        written += 1;
        lines += 1;
      }
      if (summary !== null) {
        folded += summary.changes;
        lines += 1;
      }
    }
    for (const summary of coalescer.due(Number.POSITIVE_INFINITY)) {
      folded += summary.changes;
      lines += 1;
    }
    process.stdout.write(`flapping link: ${changes} changes in 4 min → ${lines} audit lines\n`);
    expect(changes).toBeGreaterThan(250);
    expect(written + folded).toBe(changes);
    expect(lines).toBeLessThanOrEqual(2 * 4 + 2);
  });

  it('writes a lone change at once, and one summary for the rest of its minute with the last state', () => {
    const coalescer = createCoalescer(60_000);
    expect(coalescer.change('printer-1', 'offline', 0)).toEqual({ write: true, summary: null });
    expect(coalescer.change('idcard-1', 'offline', 10)).toEqual({ write: true, summary: null });
    expect(coalescer.change('printer-1', 'ready', 1_000).write).toBe(false);
    expect(coalescer.change('printer-1', 'offline', 2_000).write).toBe(false);
    expect(coalescer.due(59_999)).toEqual([]);
    expect(coalescer.due(60_000)).toEqual([
      { subject: 'printer-1', changes: 2, state: 'offline', overSeconds: 60 },
    ]);
    // A change long after is written at once again.
    expect(coalescer.change('printer-1', 'ready', 200_000)).toEqual({ write: true, summary: null });
  });

  it('writes the summary when its window closes, on the clock it was given', () => {
    const clock = manualClock(new Date('2026-06-15T02:00:00Z'));
    const lines: string[] = [];
    const audit = coalescedAudit(
      { record: (_actor, action) => lines.push(action) },
      'system',
      'device.state_flapping',
      clock,
    );
    audit.change('printer-1', 'offline', () => lines.push('device.state_changed'));
    audit.change('printer-1', 'ready', () => lines.push('device.state_changed'));
    clock.advance(59_000);
    expect(lines).toEqual(['device.state_changed']);
    clock.advance(1_000);
    expect(lines).toEqual(['device.state_changed', 'device.state_flapping']);
    // Nothing folded: the timer is gone, an idle kiosk has none.
    expect(clock.pending()).toBe(0);
    audit.stop();
  });

  it('writes what is still folded when the kiosk stops', () => {
    const clock = manualClock(new Date('2026-06-15T02:00:00Z'));
    const lines: string[] = [];
    const audit = coalescedAudit(
      { record: (_actor, action, fields) => lines.push(`${action} ${JSON.stringify(fields)}`) },
      'system',
      'device.state_flapping',
      clock,
    );
    audit.change('printer-1', 'offline', () => lines.push('device.state_changed'));
    clock.advance(500);
    audit.change('printer-1', 'ready', () => lines.push('device.state_changed'));
    audit.stop();
    expect(lines).toEqual([
      'device.state_changed',
      'device.state_flapping {"subject":"printer-1","changes":1,"state":"ready","overSeconds":60}',
    ]);
  });
});
