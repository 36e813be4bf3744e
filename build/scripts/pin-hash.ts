/**
 * `npm run pin:hash -- <PIN>` (or the PIN on stdin): prints the scrypt hash to
 * put in the kiosk config as `staff.technicianPinHash` or `staff.guidePinHash`.
 */
import { readFileSync } from 'node:fs';
import { hashPin } from '../../electron/kiosk/staff-auth';

const pin = (process.argv[2] ?? readFileSync(0, 'utf8')).trim();
if (!/^\d{6,12}$/.test(pin)) {
  console.error('A staff PIN is 6 to 12 digits.');
  process.exit(2);
}
void hashPin(pin).then((hash) => console.log(hash));
