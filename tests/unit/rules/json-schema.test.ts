import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../../rules/schema/json-schemas';

describe('published JSON Schemas of rule files', () => {
  it.each(Object.entries(jsonSchemas()))(
    'rules/schema/%s is up to date (run `npm run rules:schema`)',
    (file, schema) => {
      const committed = JSON.parse(
        readFileSync(join(__dirname, '..', '..', '..', 'rules', 'schema', file), 'utf8'),
      ) as unknown;
      expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
    },
  );
});
