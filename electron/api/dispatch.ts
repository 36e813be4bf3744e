import { err, ok, type KioskError, type Result } from '../../core/result';
import type { CallerRole } from '../../core/status';
import { formatPath } from '../../base/format-path';
import type { Logger } from '../shared/log';
import {
  isMethodName,
  mayCall,
  methods,
  type Caller,
  type KioskHandlers,
} from '../../core/api/contract';
import { errorFactsSchemas, hasFacts } from '../../core/api/error-facts';

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Who is at the screen now, as the staff sign-in says; `touch` counts a staff call as activity. */
export interface CallerAccess {
  readonly role: () => CallerRole;
  readonly touch: () => void;
}

/**
 * Checks a call against the contract — the method exists, the caller's role
 * may call it, the input is what it declares — runs the handler, and checks
 * the result against the contract too. Shared by the IPC binding and the web
 * host, so both transports behave identically. The only place roles are
 * enforced. Never throws.
 */
export function createDispatch(
  handlers: KioskHandlers,
  log: Logger,
  access: CallerAccess,
): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return err('unknown_method', `no method "${method}"`);
    const role = access.role();
    if (!mayCall(method, role)) {
      log.warn('api.refused_role', { method, role });
      return err('staff_locked', `${method} needs a ${methods[method].roles.join(' or ')} PIN`);
    }
    if (role !== 'citizen' && !mayCall(method, 'citizen')) access.touch();
    const spec = methods[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        code: issue.code,
        message: issue.message,
      }));
      return err('bad_input', `input to ${method} does not match the contract`, details);
    }
    try {
      const handler = handlers[method] as (
        args: unknown,
        caller: Caller,
      ) => Promise<Result<unknown, KioskError>>;
      const result = await handler(parsed.data, { role });
      if (!result.ok) {
        const { code } = result.error;
        if (!(spec.errors as readonly string[]).includes(code)) {
          log.error('api.undeclared_error', { method, code });
          return err('internal', `${method} answered with an error the contract does not declare`);
        }
        if (hasFacts(code) && !errorFactsSchemas[code].safeParse(result.error.facts).success) {
          log.error('api.error_facts_violation', { method, code });
          return err(
            'internal',
            `${method} answered ${code} without the facts the contract declares`,
          );
        }
        return result;
      }
      const checked = spec.output.safeParse(result.value);
      if (!checked.success) {
        log.error('api.output_contract_violation', { method, issues: checked.error.issues.length });
        return err('internal', `${method} produced output outside the contract`);
      }
      return ok(checked.data);
    } catch (cause) {
      log.error('api.unhandled', {
        method,
        error: cause instanceof Error ? cause.name : 'unknown',
      });
      return err('internal', `${method} failed unexpectedly`);
    }
  };
}
