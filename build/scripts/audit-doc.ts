// Writes docs/audit-events.md from the audit catalogue (electron/audit/events.ts).
import { writeFileSync } from 'node:fs';
import { auditEventsPage } from '../../electron/audit/events-page';

writeFileSync('docs/audit-events.md', auditEventsPage());
process.stdout.write('docs/audit-events.md written\n');
