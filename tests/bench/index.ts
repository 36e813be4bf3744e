/**
 * `npm run bench`: figures and ratios, not pass/fail. Each benchmark prints
 * one line a person can compare across runs and machines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createStreamDeframer, encodeReply } from '../../electron/devices/idcard/codec';
import { createIdCardReader, type IdCardEvent } from '../../electron/devices/idcard/reader';
import { createIdCardSimulator } from '../../electron/devices/sim/idcard-simulator';
import { SAMPLE_CARDS } from '../../electron/devices/sim/sample-cards';
import { createMemoryPair } from '../../electron/devices/transport/memory-pair';
import { holidayCalendar } from '../../rules/data/holidays';
import { evaluate } from '../../rules/engine/evaluate';
import { serviceRuleSchema } from '../../rules/engine/schema';

const ROOT = join(__dirname, '..', '..');

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

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
  const card = SAMPLE_CARDS[0]!;
  for (let i = 0; i < 30; i += 1) {
    const [host, device] = createMemoryPair();
    const simulator = createIdCardSimulator(device);
    const reader = createIdCardReader(host, {
      pollIntervalMs: 1,
      replyTimeoutMs: 1000,
      missesForRemoval: 2,
      today: () => '2026-11-27',
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

function benchEngine(): void {
  const rule = serviceRuleSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'rules', 'services', 'passport-first.json'), 'utf8')),
  );
  const applicant = {
    kind: 'resident' as const,
    name: '王晓明',
    sex: 'male',
    birthDate: '1988-06-15',
    address: '北京市',
    validTo: '2038-03-01',
  };
  const answers: Record<string, string> = {
    mobile: '1380013800',
    surnamePinyin: 'WANG',
    givenNamePinyin: 'XIAOMING',
    registeredPersonnel: 'no',
    pickup: 'post',
  };
  const samples: number[] = [];
  for (let i = 0; i < 2000; i += 1) {
    answers['postAddress'] = `北京市朝阳区示例路${i}号`;
    const start = performance.now();
    evaluate({ rule, answers, applicant, today: '2026-11-27', calendar: holidayCalendar });
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const p99 = percentile(samples, 99);
  console.log(
    `rules engine (passport-first, per answer change): p50 ${(percentile(samples, 50) * 1000).toFixed(0)} µs, ` +
      `p99 ${(p99 * 1000).toFixed(0)} µs; share of a 16 ms frame at p99 ${((p99 / 16) * 100).toFixed(2)} %`,
  );
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  benchDeframer();
  await benchCardRead();
  benchEngine();
}

void main();
