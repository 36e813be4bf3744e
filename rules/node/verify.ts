/**
 * `npm run rules:verify -- --key-id <id> --public-key <base64> [rulesDir]`:
 * checks a rules folder the way a kiosk that requires signatures does — the
 * signature, reviewedBy, and that no file was changed, added or removed since
 * signing. Prints the bundle's version, or every problem; exits 1 on any.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyBundle } from './bundle-files';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'key-id': { type: 'string' }, 'public-key': { type: 'string' } },
});
const dir = resolve(positionals[0] ?? join(__dirname, '..'));
const id = values['key-id'];
const publicKey = values['public-key'];
if (id === undefined || publicKey === undefined) {
  console.error(
    'rules:verify: --key-id and --public-key (base64, as in rules.trustedKeys) are required',
  );
  process.exit(1);
}
const result = verifyBundle(dir, [{ id, publicKey }], null);
if (result.ok) {
  const { manifest } = result.value;
  console.log(
    `rules:verify: bundle ${manifest.version}, ${Object.keys(manifest.files).length} files, reviewed by ${manifest.reviewedBy} on ${manifest.reviewedAt}, signed by "${id}": OK`,
  );
  process.exit(0);
}
for (const problem of result.problems)
  console.error(`${dir} bundle.json ${problem.path}: ${problem.message}`);
console.error(
  `rules:verify: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`,
);
process.exit(1);
