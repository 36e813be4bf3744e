import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommonFile, parseServiceFile } from '../rules/engine/load';
import type { ServiceRule } from '../rules/engine/schema';
import { jsonFileNames } from '../rules/node/bundle-files';
import { projectRoot } from './project-root';

/** Every shipped service item merged with common.json, as the kiosk loads them; throws on a bad file. */
export function shippedRules(): ServiceRule[] {
  const rules = join(projectRoot(), 'rules');
  const common = parseCommonFile(readFileSync(join(rules, 'common.json'), 'utf8'));
  if (!common.ok) throw new Error(`common.json: ${JSON.stringify(common.problems)}`);
  return jsonFileNames(join(rules, 'services')).map((file) => {
    const parsed = parseServiceFile(
      readFileSync(join(rules, 'services', file), 'utf8'),
      file,
      common.value,
    );
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
    return parsed.value;
  });
}
