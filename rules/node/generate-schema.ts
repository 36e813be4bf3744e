/**
 * `npm run rules:schema`: writes the JSON Schemas of rule files from the zod
 * schemas in rules/engine/schema.ts, so editors (VS Code's "$schema") check a
 * station's edits as they type. A unit test fails when they are out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../schema/json-schemas';

for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(__dirname, '..', 'schema', file), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote rules/schema/${file}`);
}
