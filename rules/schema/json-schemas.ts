import { z } from 'zod';
import { commonRulesSchema, serviceRuleSchema } from '../engine/schema';

/** The JSON Schemas published for rule files, derived from the zod schemas (one source of truth). */
export function jsonSchemas(): Record<string, unknown> {
  const options = { io: 'input', target: 'draft-2020-12', reused: 'ref' } as const;
  return {
    'service.schema.json': {
      ...z.toJSONSchema(serviceRuleSchema, options),
      title: 'Police kiosk service rule file (rules/services/<id>.json)',
    },
    'common.schema.json': {
      ...z.toJSONSchema(commonRulesSchema, options),
      title: 'Police kiosk common rules (rules/common.json)',
    },
  };
}
