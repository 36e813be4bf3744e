import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { TEST_NOW, testDay } from '../test-clock';
import type { ApplicationMeta, NewAttachment } from '../../electron/store/applications';

/** Who the sample applications are for: fictional, and looked for where it must not be (logs, data folder). */
export const SAMPLE_APPLICANT = {
  name: '测试申请人',
  idNumber: '110105198806150032',
  phone: '13800138000',
} as const;

export interface SampleApplication {
  readonly meta: ApplicationMeta;
  readonly payload: unknown;
  readonly attachments: readonly NewAttachment[];
}

export function sampleScan(bytes: number): NewAttachment {
  const data = randomBytes(bytes);
  return {
    id: randomUUID(),
    materialId: 'scan',
    mediaType: 'image/jpeg',
    bytes: data,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

/** One application as the journey would store it, with `scans` random scans of `scanBytes` each. */
export function sampleApplication(
  applicationNo: string,
  options: { scans?: number; scanBytes?: number; createdAt?: Date } = {},
): SampleApplication {
  return {
    meta: {
      id: randomUUID(),
      applicationNo,
      idempotencyKey: randomUUID(),
      serviceId: 'passport-first',
      ruleVersion: '1',
      ruleHash: 'h'.repeat(64),
      status: 'pending_review',
      createdAt: (options.createdAt ?? new Date(TEST_NOW)).toISOString(),
      dueDate: testDay(7),
      feeFen: 12000,
    },
    payload: {
      identity: null,
      applicant: { name: SAMPLE_APPLICANT.name, idNumber: SAMPLE_APPLICANT.idNumber },
      answers: { phone: SAMPLE_APPLICANT.phone },
      materials: {},
      greenChannel: [],
    },
    attachments: Array.from({ length: options.scans ?? 0 }, () =>
      sampleScan(options.scanBytes ?? 2048),
    ),
  };
}
