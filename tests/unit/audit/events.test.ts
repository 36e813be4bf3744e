import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENTS } from '../../../electron/audit/events';
import { auditEventsPage } from '../../../electron/audit/events-page';

describe('the audit catalogue', () => {
  it('is the page auditors read: docs/audit-events.md is what `npm run audit:doc` writes now', () => {
    expect(readFileSync('docs/audit-events.md', 'utf8')).toBe(auditEventsPage());
  });

  it('names no field after personal data, and gives every entry an actor and a meaning', () => {
    const personal = /name|idnumber|address|phone|mobile|birth|photo$|portrait|face$/i;
    for (const [action, spec] of Object.entries(AUDIT_EVENTS)) {
      expect(action).toMatch(/^[a-z]+\.[a-z_A-Z]+$/);
      expect(spec.actors.length, action).toBeGreaterThan(0);
      expect(spec.meaning.length, action).toBeGreaterThan(10);
      for (const field of Object.keys(spec.fields)) expect(field, action).not.toMatch(personal);
    }
  });
});
