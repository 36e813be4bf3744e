import { sleep } from '../sleep';
import { systemClock } from '../../core/clock';
import type { Applicant } from '../../rules/engine/applicant';
/**
 * `npm run bench`: figures and ratios, not pass/fail. Each benchmark prints
 * one line a person can compare across runs and machines.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultConfig } from '../../electron/config/default';
import { createStreamDeframer, encodeReply } from '../../electron/devices/idcard/codec';
import { createIdCardReader, type IdCardEvent } from '../../electron/devices/idcard/reader';
import { createIdCardSimulator } from '../../electron/devices/sim/idcard-simulator';
import { sampleCards } from '../../electron/devices/sim/sample-cards';
import { TEST_TODAY } from '../test-clock';
import { createMemoryPair } from '../../electron/devices/transport/memory-pair';
import { openSerial } from '../../electron/devices/transport/serial';
import { slipReceipt } from '../../electron/devices/printer/slip-receipt';
import { shippedCalendar } from '../shipped-calendar';
import { evaluate } from '../../rules/engine/evaluate';
import { parseCommonFile, parseServiceFile } from '../../rules/engine/load';
import type { ServiceRule } from '../../rules/engine/schema';
import { slipLines } from '../../core/slip-lines';
import { material, sampleSlip } from '../fixtures/sample-slip';
import { benchAuditStart } from './audit';
import { benchFace } from './face';
import { benchDrain, benchEnqueue } from './outbox';
import { benchPayment } from './payment';
import { benchSearch } from './search';
import { benchSpeech } from './speech';
import { percentile } from './stats';

const holidayCalendar = shippedCalendar();

const ROOT = join(__dirname, '..', '..');

function benchDeframer(): void {
  const reply = encodeReply(
    0x90,
    new Uint8Array(4 + 256 + 1024).map((_, i) => (i * 31) & 0xff),
  );
  const garbage = Uint8Array.from({ length: 37 }, (_, i) => (i * 13) & 0xff);
  const unit = Buffer.concat([garbage, reply]);
  const stream = Buffer.concat(Array.from({ length: 2000 }, () => unit));
  let frames = 0;
  const start = performance.now();
  const rounds = 5;
  for (let round = 0; round < rounds; round += 1) {
    const deframer = createStreamDeframer();
    for (let i = 0; i < stream.length; i += 4096) {
      frames += deframer
        .push(stream.subarray(i, i + 4096))
        .filter((e) => e.type === 'frame').length;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const mb = (stream.length * rounds) / 1e6;
  console.log(
    `deframer: ${(mb / seconds).toFixed(1)} MB/s (${frames} read replies with garbage between, 4 KiB chunks)`,
  );
}

async function benchCardRead(): Promise<void> {
  const samples: number[] = [];
  const card = sampleCards(TEST_TODAY)[0]!;
  for (let i = 0; i < 30; i += 1) {
    const [host, device] = createMemoryPair();
    const simulator = createIdCardSimulator(device);
    const reader = createIdCardReader(host, {
      pollIntervalMs: 1,
      replyTimeoutMs: 1000,
      missesForRemoval: 2,
      today: () => TEST_TODAY,
      clock: systemClock,
    });
    const done = new Promise<number>((resolve) => {
      let presentAt = 0;
      reader.onEvent((e: IdCardEvent) => {
        if (e.type === 'card-present') presentAt = performance.now();
        if (e.type === 'card-read') resolve(performance.now() - presentAt);
      });
    });
    reader.start();
    simulator.placeCard(card);
    samples.push(await done);
    await reader.stop();
    simulator.dispose();
  }
  samples.sort((a, b) => a - b);
  // select (7 out + 19 in) and read (7 out + 1295 in) bytes, 10 bits per byte at 115200 baud.
  const wireMs = ((7 + 19 + 7 + 1295) * 10 * 1000) / 115200;
  const p50 = percentile(samples, 50);
  console.log(
    `card read (select + read, in-process simulator): p50 ${p50.toFixed(2)} ms, p95 ${percentile(samples, 95).toFixed(2)} ms; ` +
      `wire time at 115200 baud ${wireMs.toFixed(1)} ms; software/wire ratio ${(p50 / wireMs).toPrecision(3)}`,
  );
}

/** Every shipped service, merged with common.json, as the kiosk loads them. */
function loadServices(): ServiceRule[] {
  const rulesDir = join(ROOT, 'rules');
  const common = parseCommonFile(readFileSync(join(rulesDir, 'common.json'), 'utf8'));
  if (!common.ok) throw new Error('common.json does not load');
  return readdirSync(join(rulesDir, 'services'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const parsed = parseServiceFile(
        readFileSync(join(rulesDir, 'services', f), 'utf8'),
        f,
        common.value,
      );
      if (!parsed.ok) throw new Error(`${f} does not load`);
      return parsed.value;
    });
}

function benchEngine(): void {
  const services = loadServices();
  const size = (r: ServiceRule) => r.questions.length + r.materials.length + r.requirements.length;
  const rule = services.reduce((a, b) => (size(b) > size(a) ? b : a));
  const card: Applicant = {
    kind: 'resident',
    name: '王晓明',
    sex: 'male',
    birthDate: '1988-06-15',
    address: '北京市朝阳区示例路88号',
    validTo: '2038-03-01',
  };
  const answers: Record<string, string> = {
    reason: 'work',
    intoOthersHousehold: 'yes',
    householdHeadName: '李华',
    relationToHead: '夫',
    fromRegion: '110105',
    mobile: '13800138000',
  };
  const materials: Record<string, 'bring' | 'missing'> = {
    ownHouseholdRegister: 'bring',
    laborContract: 'bring',
  };
  const samples: number[] = [];
  for (let i = 0; i < 3000; i += 1) {
    // One answer change per evaluation, as when a citizen types a character.
    answers['toAddress'] = `北京市朝阳区示例路${i}号`;
    materials['socialInsuranceRecord'] = i % 2 === 0 ? 'bring' : 'missing';
    const start = performance.now();
    evaluate({
      rule,
      answers,
      card,
      materials,
      today: TEST_TODAY,
      calendar: holidayCalendar,
      stationCode: defaultConfig.station.code,
    });
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const p99 = percentile(samples, 99);
  console.log(
    `rules engine (${rule.id}, the largest item: ${rule.questions.length} questions, ${rule.materials.length} materials; per answer change): ` +
      `p50 ${(percentile(samples, 50) * 1000).toFixed(0)} µs, p99 ${(p99 * 1000).toFixed(0)} µs; ` +
      `share of a 16 ms frame at p99 ${((p99 / 16) * 100).toFixed(2)} %`,
  );
}

function benchRulesCheck(): void {
  const rounds = 20;
  const start = performance.now();
  let files = 0;
  for (let i = 0; i < rounds; i += 1) files = loadServices().length + 1;
  const ms = (performance.now() - start) / rounds;
  console.log(
    `rules check of all ${files} rule files (read, schema, merge, lint): ${ms.toFixed(1)} ms per run`,
  );
}

/** A whole card read (find, select, read) over a real PTY from socat at 115200 baud. */
async function benchCardReadOverPty(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pty-'));
  const kioskEnd = join(dir, 'kiosk');
  const deviceEnd = join(dir, 'device');
  const socat = spawn(
    'socat',
    [`pty,raw,echo=0,link=${kioskEnd}`, `pty,raw,echo=0,link=${deviceEnd}`],
    { stdio: 'ignore' },
  );
  try {
    for (let i = 0; i < 100 && !existsSync(deviceEnd); i += 1)
      await sleep(20, 'socat creates the PTY links in its own time');
    const host = await openSerial(kioskEnd, 115200);
    const device = await openSerial(deviceEnd, 115200);
    const simulator = createIdCardSimulator(device, { swapGapPolls: 0 });
    const reader = createIdCardReader(host, {
      pollIntervalMs: 1,
      replyTimeoutMs: 2000,
      missesForRemoval: 1,
      today: () => TEST_TODAY,
      clock: systemClock,
    });
    const samples: number[] = [];
    let placedAt = 0;
    let resolveRead: (() => void) | null = null;
    reader.onEvent((e) => {
      if (e.type === 'card-read') {
        samples.push(performance.now() - placedAt);
        resolveRead?.();
      }
    });
    reader.start();
    for (let i = 0; i < 20; i += 1) {
      const read = new Promise<void>((resolve) => (resolveRead = resolve));
      placedAt = performance.now();
      const cards = sampleCards(TEST_TODAY);
      simulator.placeCard(cards[i % cards.length]!);
      await read;
      simulator.removeCard();
      await sleep(30, 'the serial line runs in real time');
    }
    await reader.stop();
    await host.close();
    await device.close();
    samples.sort((a, b) => a - b);
    // find (7 + 15), select (7 + 19) and read (7 + 1295) bytes: 10 bits a byte at 115200 baud.
    const wireMs = ((7 + 15 + 7 + 19 + 7 + 1295) * 10 * 1000) / 115200;
    const p50 = percentile(samples, 50);
    console.log(
      `card read over a PTY at 115200 baud (placed → find, select, read → parsed): p50 ${p50.toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms; ` +
        `wire time ${wireMs.toFixed(1)} ms; whole read / wire time ${(p50 / wireMs).toPrecision(2)} ` +
        `(a PTY does not pace bytes at the baud rate, so below 1 means the software is not the bottleneck)`,
    );
  } finally {
    socat.kill();
  }
}

function benchSlipEncoding(): void {
  const zh = (text: string) => ({ 'zh-CN': text, en: text });
  const slip = slipLines(
    sampleSlip({
      status: 'pending_completion',
      outcomes: Array.from({ length: 6 }, (_, i) => ({
        label: zh(`项目${i}`),
        text: zh(`内容内容内容内容${i}`),
      })),
      missing: [
        material('结婚证'),
        material('亲属关系证明材料', '出生医学证明或亲属关系证明（任选一项）'),
      ],
      bring: [material('申请人户口簿'), material('收户人户口簿')],
      notes: [zh('请携带以上材料原件到户籍窗口，由民警审核后办理。')],
      howToQuery: zh('在任一自助终端扫描本回执二维码，或致电本派出所查询。'),
    }),
    'zh-CN',
  );
  const rounds = 2000;
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) bytes = slipReceipt(slip, i % 2 === 0 ? 58 : 80).length;
  const ms = (performance.now() - start) / rounds;
  console.log(
    `slip ESC/POS encoding (GBK, layout, QR): ${(ms * 1000).toFixed(0)} µs per slip, ${bytes} bytes`,
  );
}

/** Every Node-side figure, by the name `BENCH_ONLY` picks them with (e.g. `BENCH_ONLY=drain`). */
const BENCHES: readonly (readonly [string, () => void | Promise<void>])[] = [
  ['deframer', benchDeframer],
  ['card-read', benchCardRead],
  ['card-read-pty', benchCardReadOverPty],
  ['slip', benchSlipEncoding],
  ['engine', benchEngine],
  ['rules-check', benchRulesCheck],
  ['enqueue', benchEnqueue],
  ['drain', benchDrain],
  ['audit-start', benchAuditStart],
  ['face', benchFace],
  ['payment', benchPayment],
  ['search', benchSearch],
  ['speech', benchSpeech],
];

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  const only = process.env['BENCH_ONLY']?.split(',') ?? null;
  for (const [name, bench] of BENCHES) {
    if (only === null || only.includes(name)) await bench();
  }
}

void main();
