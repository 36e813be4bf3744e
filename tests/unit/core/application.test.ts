import { describe, expect, it } from 'vitest';
import {
  applicationPayloadSchema,
  composeApplication,
  decodeApplicationPayload,
  type ApplicationInput,
} from '../../../core/application';
import { noAssistance } from '../../../core/assistance';
import { applicationBodySchema, backOfficeBody } from '../../../core/back-office-body';
import type { Identity } from '../../../core/identity';
import { applicationNoFor, sampleMeta } from '../../fixtures/sample-application';
import { buildSlip } from '../../../core/slip';
import { slipLines } from '../../../core/slip-lines';
import { shippedCalendar } from '../../shipped-calendar';
import { loadRule, STATION_CODE } from '../rules/load-rule';

const holidayCalendar = shippedCalendar();

const rule = loadRule('passport-first');

const card: Identity = {
  kind: 'resident',
  name: '王晓明',
  sex: 'male',
  nation: '汉',
  birthDate: '1988-06-15',
  address: '北京市朝阳区示例路88号3单元201室',
  idNumber: '110105198806150032',
  issuer: '北京市公安局朝阳分局',
  validFrom: '2018-03-01',
  validTo: '2038-03-01',
  hasPhoto: true,
};

const input = (overrides: Partial<ApplicationInput> = {}): ApplicationInput => ({
  rule,
  identity: card,
  answers: {
    mobile: '13800138000',
    surnamePinyin: 'WANG',
    givenNamePinyin: 'XIAOMING',
    registeredPersonnel: 'no',
    urgent: 'no',
    pickup: 'inPerson',
  },
  materials: {},
  manualEntry: false,
  stationCode: STATION_CODE,
  photographed: new Set(),
  assistance: noAssistance(),
  // 10:00 in Beijing on Friday 27 November 2026.
  submittedAt: new Date('2026-11-27T02:00:00Z'),
  calendar: holidayCalendar,
  ...overrides,
});

const composed = (overrides: Partial<ApplicationInput> = {}) => {
  const result = composeApplication(input(overrides));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

const station = {
  name: '示例派出所',
  address: '示例路 1 号',
  phone: '010-00000000',
  complaintPhone: '12389',
  dutyPhone: null,
};

describe('composing an application (core)', () => {
  it('builds a versioned payload from the card and the answers, with fee, due date and status', () => {
    const application = composed();
    expect(applicationPayloadSchema.safeParse(application.payload).success).toBe(true);
    expect(application.payload).toMatchObject({
      version: 1,
      identity: card,
      applicant: { name: '王晓明', idNumber: '110105198806150032' },
      answers: { mobile: '13800138000', pickup: 'inPerson' },
      assistance: null,
    });
    expect(application).toMatchObject({
      serviceId: 'passport-first',
      status: 'pending_review',
      today: '2026-11-27',
      dueDate: '2026-12-08',
      feeFen: 12000,
      submittedAt: '2026-11-27T02:00:00.000Z',
    });
  });

  it('is a pure function: the same input gives the same application', () => {
    expect(composeApplication(input())).toEqual(composeApplication(input()));
  });

  it('takes the day from China time, not the machine’s time zone', () => {
    // 23:30 UTC on the 26th is already the 27th in Beijing.
    expect(composed({ submittedAt: new Date('2026-11-26T23:30:00Z') }).today).toBe('2026-11-27');
  });

  it('refuses, with its own code, a material marked photographed that has no photo', () => {
    const result = composeApplication(input({ materials: { employerOpinion: 'captured' } }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'photo_missing', details: [{ path: 'materials.employerOpinion' }] },
    });
  });

  it('refuses an expired card and a missing card with their own codes', () => {
    expect(
      composeApplication(input({ identity: { ...card, validTo: '2026-01-01' } })),
    ).toMatchObject({
      ok: false,
      error: { code: 'identity_expired' },
    });
    expect(composeApplication(input({ identity: null }))).toMatchObject({
      ok: false,
      error: { code: 'identity_missing' },
    });
  });

  it('lists every answer that fails the rules, not only the first', () => {
    const result = composeApplication(input({ answers: { mobile: '123', pickup: 'drone' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_application');
    expect(result.error.details?.map((d) => d.path)).toEqual([
      'mobile',
      'surnamePinyin',
      'givenNamePinyin',
      'registeredPersonnel',
      'urgent',
      'pickup',
    ]);
  });

  it('records what a hall guide did, without the session-only switches', () => {
    const application = composed({
      assistance: { ...noAssistance(), fillOnBehalf: true, elderMode: true, assisted: true },
    });
    expect(application.payload.assistance).toEqual({
      greenChannelReason: null,
      fillOnBehalf: true,
      skippedOptional: false,
    });
  });
});

describe('reading a stored payload back', () => {
  const payload = composed().payload;

  it('accepts the current version as it was written', () => {
    expect(decodeApplicationPayload(JSON.stringify(payload))).toEqual({ ok: true, value: payload });
  });

  it('brings a payload from before versions up to the current one', () => {
    // Before versions, the applicant was the whole card.
    const { version: _v, assistance: _a, ...unversioned } = { ...payload, applicant: card };
    expect(decodeApplicationPayload(JSON.stringify(unversioned))).toEqual({
      ok: true,
      value: payload,
    });
  });

  it('refuses a payload of an unknown version, a wrong shape, or not JSON at all', () => {
    for (const text of [
      JSON.stringify({ ...payload, version: 2 }),
      JSON.stringify({ ...payload, applicant: { name: '王晓明' } }),
      '{"identity":',
    ]) {
      const read = decodeApplicationPayload(text);
      expect(read).toMatchObject({ ok: false, error: { code: 'payload_invalid' } });
      if (!read.ok) expect(read.error.message).not.toContain('王晓明');
    }
  });
});

describe('the slip and the back office body (core)', () => {
  const application = composed({ materials: { employerOpinion: 'missing' } });
  const applicationNo = applicationNoFor(1, '2026-11-27');
  const slip = buildSlip(rule, application, {
    applicationNo,
    station,
    guideReasons: [],
    backOfficeConfigured: true,
    photos: [],
  });

  it('masks the ID number and leaves what the card proved off the list to bring', () => {
    expect(slip.idNumberMasked).toBe('1101************32');
    expect(JSON.stringify(slip)).not.toContain('110105198806150032');
    expect(slip.bring.map((b) => b.name['zh-CN'])).not.toContain('居民身份证');
    expect(slip.qrText).toBe(`GAKIOSK:${applicationNo}`);
  });

  it('says the same thing in Chinese and English, row for row, name masked', () => {
    const registered = buildSlip(
      rule,
      composed({ answers: { ...input().answers, registeredPersonnel: 'yes' } }),
      { applicationNo, station, guideReasons: [], backOfficeConfigured: true, photos: [] },
    );
    const zh = slipLines(registered, 'zh-CN');
    const en = slipLines(registered, 'en');
    expect(zh.rows.map((r) => r.key)).toEqual(en.rows.map((r) => r.key));
    expect(zh.rows.find((r) => r.key === 'applicant')?.value).toBe('王*明');
    expect(zh.rows.find((r) => r.key === 'fee')?.value).toBe('￥120.00（护照工本费）');
    expect(en.rows.find((r) => r.key === 'fee')?.value).toBe('￥120.00 (Passport fee)');
    // A pre-application: the time limit runs from the window's 受理, so the kiosk prints no date.
    expect(zh.heading).toBe('申请回执');
    expect(zh.rows.find((r) => r.key === 'timeLimit')?.value).toBe(
      '7个工作日（自窗口受理之日起计算）',
    );
    expect(zh.rows.map((r) => r.value).join()).not.toContain('2026年12月8日');
    expect(zh.notice?.lead).toContain('尚未受理');
    expect(zh.notice?.items.map((i) => i.name)).toEqual(['所在单位出具的意见']);
    expect(en.notice?.title).toBe('One-time notice of missing materials');
  });

  it('names the principal and the agent both when someone applies for another person', () => {
    const recordRule = loadRule('no-criminal-record');
    const forSomeoneElse = composeApplication(
      input({
        rule: recordRule,
        answers: {
          applyingFor: 'other',
          principalName: '李小红',
          principalIdNumber: '11010519491231002X',
          purpose: 'abroad',
          mobile: '13800138000',
        },
        materials: { powerOfAttorney: 'bring', principalIdCopy: 'bring' },
      }),
    );
    if (!forSomeoneElse.ok) throw new Error(forSomeoneElse.error.message);
    const agentSlip = buildSlip(recordRule, forSomeoneElse.value, {
      applicationNo,
      station,
      guideReasons: [],
      backOfficeConfigured: true,
      photos: [],
    });
    expect(agentSlip.principal).toEqual({ name: '李小红', idNumberMasked: '1101************2X' });
    const rows = slipLines(agentSlip, 'zh-CN').rows;
    expect(rows.filter((r) => r.key === 'applicant' || r.key === 'agent')).toEqual([
      { key: 'applicant', label: '申请人（委托人）', value: '李*红' },
      { key: 'agent', label: '代办人', value: '王*明' },
    ]);
    expect(JSON.stringify(agentSlip)).not.toContain('11010519491231002X');
    // For oneself: one applicant row, no agent.
    expect(slipLines(slip, 'zh-CN').rows.filter((r) => r.key === 'agent')).toEqual([]);
  });

  it('sends the back office exactly the API’s body, and nothing of the slip', () => {
    const body = backOfficeBody(
      sampleMeta(applicationNo, { status: application.status }),
      application.payload,
      [],
      { kioskId: 'K-1', stationCode: '110105001' },
    );
    expect(applicationBodySchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      applicationNo,
      kioskId: 'K-1',
      applicant: { idNumber: '110105198806150032' },
      materials: { employerOpinion: 'missing' },
      signature: null,
    });
  });

  it('carries the signature drawn on the review screen to the payload and the back office', () => {
    const signature = {
      strokes: [
        [
          [100, 300],
          [400, 120],
        ],
      ],
    } as const;
    const signed = composeApplication(input({ signature }));
    if (!signed.ok) throw new Error(signed.error.message);
    expect(signed.value.payload.signature).toEqual(signature);
    const body = backOfficeBody(sampleMeta(applicationNo), signed.value.payload, [], {
      kioskId: 'K-1',
      stationCode: '110105001',
    });
    expect(applicationBodySchema.parse(body).signature).toEqual(signature);
  });
});
