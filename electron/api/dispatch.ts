import { formatPath } from '../../rules/engine/format-path';
import type { Logger } from '../shared/log';
import { err, ok, type Result } from '../../core/result';
import { isMethodName, methods, type KioskHandlers } from './contract';

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Validates a call against the contract, runs the handler, and checks the
 * result against the contract too. Shared by the IPC binding and the web host,
 * so both transports behave identically. Never throws.
 */
export function createDispatch(handlers: KioskHandlers, log: Logger): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return err('unknown_method', `no method "${method}"`);
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
      const handler = handlers[method] as (args: unknown) => Promise<Result<unknown>>;
      const result = await handler(parsed.data);
      if (!result.ok) return result;
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
