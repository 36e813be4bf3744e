import { describe, expect, it } from 'vitest';
import {
  judgeIntegrity,
  keyFingerprint,
  type DatabaseFacts,
  type IntegrityRecord,
} from '../../../electron/store/integrity';

const KEY = keyFingerprint(new Uint8Array(32).fill(7));
const OTHER = keyFingerprint(new Uint8Array(32).fill(8));
const record = (everStored: number, fp = KEY): IntegrityRecord => ({
  version: 1,
  everStored,
  keyFingerprint: fp,
  lastApplicationNo: '20260615-ABCDEF',
  since: '2026-06-01T00:00:00.000Z',
});
const db = (
  everStored: number,
  fp: string | null = KEY,
  since: string | null = 'x',
): DatabaseFacts => ({
  exists: true,
  everStored,
  keyFingerprint: fp,
  integritySince: since,
});
const EMPTY: DatabaseFacts = {
  exists: false,
  everStored: 0,
  keyFingerprint: null,
  integritySince: null,
};

describe('judgeIntegrity', () => {
  it('lets a brand-new kiosk start fresh, and adopts a database from before the record', () => {
    expect(judgeIntegrity(null, EMPTY, KEY)).toEqual({ ok: true, action: 'fresh' });
    expect(judgeIntegrity(null, db(5, null, null), KEY)).toEqual({ ok: true, action: 'adopt' });
  });

  it('continues when the database holds what the record counts, or more (killed before the record was written)', () => {
    expect(judgeIntegrity(record(3), db(3), KEY)).toEqual({ ok: true, action: 'continue' });
    expect(judgeIntegrity(record(3), db(4), KEY)).toEqual({ ok: true, action: 'continue' });
  });

  it('refuses when the database holds fewer than the record counts, naming the last one stored', () => {
    const verdict = judgeIntegrity(record(3), db(1), KEY);
    expect(verdict).toMatchObject({ ok: false, code: 'applications_missing' });
    if (!verdict.ok)
      expect(verdict.message).toMatch(
        /holds 1 .* but 3 were stored .*20260615-ABCDEF.*: 2 missing/,
      );
  });

  it('refuses a missing key wherever anything was sealed, even before the record existed', () => {
    expect(judgeIntegrity(record(3), db(3), null)).toMatchObject({
      ok: false,
      code: 'key_missing',
    });
    expect(judgeIntegrity(null, db(2, null, null), null)).toMatchObject({
      ok: false,
      code: 'key_missing',
    });
    expect(judgeIntegrity(null, EMPTY, null)).toEqual({ ok: true, action: 'fresh' });
  });

  it("refuses another key, and another kiosk's database", () => {
    expect(judgeIntegrity(record(3), db(3), OTHER)).toMatchObject({
      ok: false,
      code: 'key_mismatch',
    });
    const swapped = judgeIntegrity(record(3), db(9, OTHER), KEY);
    expect(swapped).toMatchObject({ ok: false, code: 'key_mismatch' });
    if (!swapped.ok) expect(swapped.message).toContain("another kiosk's database");
  });

  it('refuses a deleted record once the database keeps one', () => {
    expect(judgeIntegrity(null, db(3), KEY)).toMatchObject({
      ok: false,
      code: 'integrity_record_missing',
    });
  });

  it('never reveals the key: the fingerprint is 16 hex digits and differs per key', () => {
    expect(KEY).toMatch(/^[0-9a-f]{16}$/);
    expect(KEY).not.toBe(OTHER);
  });
});
