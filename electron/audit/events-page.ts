import { AUDIT_EVENTS, type AuditAction } from './events';

/**
 * The auditors' page (docs/audit-events.md), written from the catalogue by
 * `npm run audit:doc`: one section per family, one row per entry. Pure: the
 * unit test compares it with the committed page, so the page cannot drift.
 */
export function auditEventsPage(): string {
  const actions = Object.keys(AUDIT_EVENTS) as AuditAction[];
  const families = [...new Set(actions.map((a) => a.split('.')[0] ?? a))];
  const lines = [
    '# The audit log: every entry',
    '',
    '<!-- Written by `npm run audit:doc` from electron/audit/events.ts; do not edit by hand. -->',
    '',
    'Each line of `<data>/audit/audit.jsonl` is one entry: when, who (`actor`), what (`action`)',
    'and its `fields`, chained by hash to the line before it (see `police-kiosk verify-audit`).',
    'No entry holds a name, an ID number, an address, a phone number or a picture: ids, counts,',
    'codes and states only. A field marked *(sometimes)* is written only when it applies.',
    '',
    `${actions.length} entries in ${families.length} families.`,
  ];
  for (const family of families) {
    lines.push('', `## ${family}`, '', '| action | who | meaning | fields |', '|---|---|---|---|');
    for (const action of actions.filter((a) => a.startsWith(`${family}.`))) {
      const spec = AUDIT_EVENTS[action];
      const fields = Object.entries(spec.fields)
        .map(([name, meaning]) =>
          name.endsWith('?')
            ? `\`${name.slice(0, -1)}\` *(sometimes)*: ${meaning}`
            : `\`${name}\`: ${meaning}`,
        )
        .join('<br>');
      lines.push(
        `| \`${action}\` | ${spec.actors.join(', ')} | ${spec.meaning} | ${fields || '—'} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
