import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { evaluationBodySchema, type EvaluationBody } from '../../core/evaluation';
import { err, ok, type KioskError, type Result } from '../../core/result';
import { seal, unseal } from './crypto';
import { transaction } from './database';

/**
 * 好差评 waiting for the back office: one per application, sealed with the
 * data key (a callback number is personal), sent by its own id as the
 * idempotency key, and emptied once the back office holds it. A row stays
 * (without its body) so the same application cannot be rated twice.
 */
export interface EvaluationStore {
  /** Stored for sending; `already_rated` when this application was rated before. */
  add(body: EvaluationBody): Result<void, KioskError<'already_rated'>>;
  /** The waiting ones, oldest first, unsealed for sending. */
  waiting(limit: number): EvaluationBody[];
  /** The back office holds it (or refused it for good): the body goes, the row stays. */
  delivered(evaluationId: string, outcome: 'sent' | 'refused', at: string): void;
  counts(): { readonly waiting: number; readonly sent: number; readonly refused: number };
}

const rowSchema = z.object({ id: z.string(), body: z.instanceof(Uint8Array) });

export function createEvaluationStore(db: DatabaseSync, dataKey: Uint8Array): EvaluationStore {
  const insert = db.prepare(
    "INSERT INTO evaluations (id, application_no, body, state, created_at) VALUES (?, ?, ?, 'waiting', ?)",
  );
  const rated = db.prepare('SELECT 1 FROM evaluations WHERE application_no = ?');
  const waiting = db.prepare(
    "SELECT id, body FROM evaluations WHERE state = 'waiting' ORDER BY created_at, id LIMIT ?",
  );
  const done = db.prepare("UPDATE evaluations SET state = ?, body = X'', sent_at = ? WHERE id = ?");
  const counts = db.prepare('SELECT state, COUNT(*) AS n FROM evaluations GROUP BY state');
  return {
    add(body) {
      if (rated.get(body.applicationNo) !== undefined)
        return err('already_rated', `application ${body.applicationNo} was rated already`);
      const sealed = seal(dataKey, Buffer.from(JSON.stringify(body), 'utf8'), body.evaluationId);
      transaction(db, () =>
        insert.run(body.evaluationId, body.applicationNo, sealed, body.ratedAt),
      );
      return ok(undefined);
    },
    waiting(limit) {
      return waiting
        .all(limit)
        .map((raw) => rowSchema.parse(raw))
        .flatMap((row) => {
          const opened = unseal(dataKey, row.body, row.id);
          if (!opened.ok) return [];
          const parsed = evaluationBodySchema.safeParse(
            JSON.parse(Buffer.from(opened.value).toString('utf8')),
          );
          return parsed.success ? [parsed.data] : [];
        });
    },
    delivered(evaluationId, outcome, at) {
      transaction(db, () => done.run(outcome, at, evaluationId));
    },
    counts() {
      const result = { waiting: 0, sent: 0, refused: 0 };
      for (const raw of counts.all()) {
        const row = z
          .object({ state: z.enum(['waiting', 'sent', 'refused']), n: z.number() })
          .parse(raw);
        result[row.state] = row.n;
      }
      return result;
    },
  };
}
