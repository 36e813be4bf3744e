import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { load } from 'js-yaml';
import { projectRoot } from '../project-root';
import type { Exchange } from './exchanges';

/**
 * The test back office held to electron/sync/backoffice-api.yaml, exchange by
 * exchange: the operation exists, its required headers came, the request body
 * and the answer's body match their schemas, and the answer's status is one the
 * file declares. What a station's own back office is held to.
 */
interface Operation {
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, unknown>> };
  readonly responses: Readonly<
    Record<string, { $ref?: string; content?: Record<string, unknown> }>
  >;
}
interface Parameter {
  readonly $ref?: string;
  readonly name?: string;
  readonly in?: string;
  readonly required?: boolean;
}

export const OPENAPI_FILE = join(projectRoot(__dirname), 'electron', 'sync', 'backoffice-api.yaml');

const pointer = (...parts: string[]): string =>
  `#/${parts.map((p) => encodeURIComponent(p.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;

export function openApiChecker(file: string = OPENAPI_FILE) {
  const doc = load(readFileSync(file, 'utf8')) as {
    paths: Record<string, Record<string, Operation>>;
    components: Record<string, Record<string, unknown>>;
  };
  // The file's schemas are JSON Schema 2020-12 (OpenAPI 3.1); its other parts are not schemas.
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true });
  // The formats the file uses, checked (Ajv only warns about formats it does not know).
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('uri', /^https?:\/\/[^\s]+$/);
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addSchema(doc, 'api');
  const resolve = <T>(node: T & { $ref?: string }): T => {
    if (node.$ref === undefined) return node;
    const [, ...parts] = node.$ref.replace(/^#\//, '#/').split('/');
    let at: unknown = doc;
    for (const part of parts) at = (at as Record<string, unknown>)[decodeURIComponent(part)];
    return at as T;
  };
  const templates = Object.keys(doc.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));

  const validate = (location: string, value: unknown): string[] => {
    const check = ajv.getSchema(`api${location}`) ?? ajv.compile({ $ref: `api${location}` });
    return check(value)
      ? []
      : (check.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}`);
  };

  const jsonOf = (bytes: Buffer): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(bytes.toString('utf8')) as unknown };
    } catch {
      return { ok: false };
    }
  };

  return function check(exchange: Exchange): string[] {
    const where = `${exchange.method} ${exchange.path} → ${exchange.status}`;
    const path = exchange.path.split('?')[0] ?? '';
    const template = templates.find((t) => t.pattern.test(path))?.template;
    const method = exchange.method.toLowerCase();
    const operation = template === undefined ? undefined : doc.paths[template]?.[method];
    if (template === undefined || operation === undefined)
      return [`${where}: no such operation in the file`];
    const problems: string[] = [];
    for (const raw of operation.parameters ?? []) {
      const parameter = resolve(raw);
      if (
        parameter.in === 'header' &&
        parameter.required === true &&
        exchange.requestHeaders[(parameter.name ?? '').toLowerCase()] === undefined
      )
        problems.push(`${where}: the required header ${parameter.name ?? ''} is missing`);
    }
    if (operation.requestBody !== undefined) {
      const type = (exchange.requestHeaders['content-type'] ?? '').split(';')[0]?.trim() ?? '';
      if (!Object.hasOwn(operation.requestBody.content, type))
        problems.push(`${where}: request content type "${type}" is not in the file`);
      else if (type === 'application/json') {
        const body = jsonOf(exchange.requestBody);
        if (!body.ok) problems.push(`${where}: the request body is not JSON`);
        else
          problems.push(
            ...validate(
              pointer('paths', template, method, 'requestBody', 'content', type, 'schema'),
              body.value,
            ).map((p) => `${where}: request ${p}`),
          );
      }
    }
    const status = String(exchange.status);
    const declared = operation.responses[status] ?? operation.responses['default'];
    if (declared === undefined) return [...problems, `${where}: status ${status} is not declared`];
    const response = resolve(declared) as { content?: Record<string, unknown> };
    const at =
      declared.$ref !== undefined
        ? declared.$ref.replace(/^#\//, '').split('/')
        : ['paths', template, method, 'responses', status];
    const type = (exchange.responseHeaders['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (response.content === undefined) {
      if (exchange.responseBody.length > 0)
        problems.push(`${where}: a body where none is declared`);
    } else if (!Object.hasOwn(response.content, type))
      problems.push(`${where}: answer content type "${type}" is not declared`);
    else if (type === 'application/json') {
      const body = jsonOf(exchange.responseBody);
      if (!body.ok) problems.push(`${where}: the answer is not JSON`);
      else
        problems.push(
          ...validate(pointer(...at, 'content', type, 'schema'), body.value).map(
            (p) => `${where}: answer ${p}`,
          ),
        );
    }
    return problems;
  };
}
