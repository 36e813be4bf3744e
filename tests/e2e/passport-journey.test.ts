import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { unseal } from '../../electron/store/crypto';
import { demoConfig, kioskDom, ROOT, screenshot, withKioskPage } from './harness';

/**
 * A citizen applies for a first ordinary passport with the demo dock's card,
 * from the home screen to the on-screen slip, and the application is in the
 * SQLite file, encrypted.
 */
describe('passport journey (普通护照首次申请) through the web host', () => {
  const ctx = withKioskPage({ config: demoConfig() });

  const next = () => ctx.page.getByRole('button', { name: '下一步', exact: true }).click();
  const title = () => ctx.page.locator('h1').innerText();

  it('shows the four service areas with the passport item on the home screen', async () => {
    const { page } = ctx;
    await expect(title()).resolves.toBe('您好！请选择要办理的业务');
    for (const area of ['户籍', '出入境', '交通管理', '治安管理']) {
      await expect(page.getByRole('heading', { level: 2, name: area }).count()).resolves.toBe(1);
    }
    await screenshot(page, 'portrait-01-home');
  });

  it('renders with the bundled Noto Sans SC, not whatever the system has', async () => {
    const { page } = ctx;
    const faces = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((f) => f.status === 'loaded')
        .map((f) => f.family.replaceAll('"', ''));
    });
    expect(faces).toContain('Noto Sans SC');
    const family = await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family.startsWith("'Noto Sans SC'") || family.startsWith('"Noto Sans SC"')).toBe(true);
  });

  it('shows the public guide with fee, time limit and legal basis', async () => {
    const { page } = ctx;
    await page.locator('[data-service="passport-first"]').click();
    await page.getByRole('heading', { level: 1, name: '普通护照首次申请' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('7个工作日');
    expect(text).toContain('每本120元');
    expect(text).toContain('《中华人民共和国护照法》');
    expect(text).toContain('12389');
    await screenshot(page, 'portrait-02-guide');
    // Each material under 视情况提交 says when it is needed, from the rule's own condition.
    const needed = (name: string) =>
      page.locator('.material').filter({ hasText: name }).getByTestId('material-when').innerText();
    await expect(needed('所在单位出具的意见')).resolves.toMatch(/^适用于：「.+」选「是」$/);
    await expect(needed('监护人出具的委托书')).resolves.toMatch(
      /^适用于：未满16周岁，且「.+」选「.+」$/,
    );
    const whenLines = await page.getByTestId('material-when').count();
    const sometimes = await page
      .locator('.guide-subheading', { hasText: '视情况提交' })
      .locator('xpath=following-sibling::ul[1]/li')
      .count();
    expect(whenLines).toBe(sometimes);
    await page
      .locator('.guide-subheading', { hasText: '视情况提交' })
      .evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'portrait-02-guide-when');
  });

  it('asks for the ID card, then shows the card read from the simulated reader', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '开始办理' }).click();
    await page.getByRole('heading', { level: 1, name: '请放置身份证' }).waitFor();
    await screenshot(page, 'portrait-03-idcard-wait');
    await page.locator('[data-card="adult"]').click();
    await page.getByRole('heading', { level: 1, name: '读取成功，请核对您的信息' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('王晓明');
    expect(text).toContain('北京市朝阳区示例路88号3单元201室');
    // Masked here; shown in full only on the review screen.
    expect(text).toMatch(/1101\*{12}\d[\dX]/);
    expect(text).not.toContain('110105198806150');
    await screenshot(page, 'portrait-04-idcard-read');
    await page.getByRole('button', { name: '信息无误，下一步' }).click();
  });

  it('refuses an empty mobile number with a summary and an inline message', async () => {
    const { page } = ctx;
    await page.getByRole('heading', { level: 1, name: '您的手机号码' }).waitFor();
    await expect(page.getByText('第 1 题，共 7 题').count()).resolves.toBe(1);
    // The whole journey above the question: guide and card done, questions now, then review and
    // slip (an adult who is no registered personnel has no materials beyond the card).
    const stepper = page.getByRole('navigation', { name: '办理进度' });
    await expect(
      stepper.locator('[aria-current="step"] .journey-step-label').innerText(),
    ).resolves.toBe('填写信息');
    await expect(stepper.innerText()).resolves.toContain('第 3 步，共 5 步：填写信息');
    await expect(stepper.locator('.is-done').count()).resolves.toBe(2);
    await next();
    await page.getByRole('alert').waitFor();
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('请填写这一项');
    await expect(page.locator('.field-error').innerText()).resolves.toContain('请填写这一项');
    await screenshot(page, 'portrait-05-question-error');
  });

  it('takes the mobile number from the on-screen keypad', async () => {
    const { page } = ctx;
    for (const digit of '1380013800')
      await page.locator('.keypad').getByRole('button', { name: digit, exact: true }).click();
    await next();
    await expect(page.locator('.field-error').innerText()).resolves.toContain('11位手机号码');
    await page.locator('.keypad').getByRole('button', { name: '0', exact: true }).click();
    await expect(page.locator('#answer').inputValue()).resolves.toBe('13800138000');
    await screenshot(page, 'portrait-06-question-mobile');
    await next();
  });

  it('derives the pinyin name from the card and lets the citizen keep it', async () => {
    const { page } = ctx;
    await page.getByRole('heading', { level: 1, name: '姓的拼音' }).waitFor();
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('WANG');
    await screenshot(page, 'portrait-07-question-pinyin');
    await next();
    await page.getByRole('heading', { level: 1, name: '名的拼音' }).waitFor();
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('XIAOMING');
    await next();
  });

  it('asks whether the citizen is registered personnel and how to receive the passport', async () => {
    const { page } = ctx;
    await page
      .getByRole('heading', { level: 1, name: '您是否属于登记备案的国家工作人员？' })
      .waitFor();
    await page.getByText('不是', { exact: true }).click();
    await next();
    await page.getByRole('heading', { level: 1, name: '您是否因紧急事由需要加急办理？' }).waitFor();
    await page.getByText('不需要加急', { exact: true }).click();
    await next();
    await page.getByRole('heading', { level: 1, name: '您想怎样领取护照？' }).waitFor();
    await page.getByText('邮寄到家', { exact: true }).click();
    await screenshot(page, 'portrait-08-question-choice');
    await next();
    await page.getByRole('heading', { level: 1, name: '邮寄地址' }).waitFor();
    await expect(page.getByText('第 7 题，共 8 题').count()).resolves.toBe(1);
    await expect(page.locator('#answer').inputValue()).resolves.toBe(
      '北京市朝阳区示例路88号3单元201室',
    );
    await next();
    // The green channel question every service shares is optional.
    await page.getByRole('heading', { level: 1, name: /您是否需要优先办理/ }).waitFor();
    await next();
  });

  it('reviews every answer with change links, including the full ID number', async () => {
    const { page } = ctx;
    await page.getByRole('heading', { level: 1, name: '请核对您的申请' }).waitFor();
    const text = await page.locator('main').innerText();
    for (const expected of [
      '13800138000',
      'WANG',
      'XIAOMING',
      '不是',
      '邮寄到家',
      '￥120.00',
      // Counted from the window's 受理, which the kiosk cannot know: no date.
      '7个工作日（自窗口受理之日起计算）',
      '110105198806150',
    ]) {
      expect(text).toContain(expected);
    }
    await screenshot(page, 'portrait-09-review');
    await page.getByRole('button', { name: '修改您的手机号码' }).click();
    await page.getByRole('heading', { level: 1, name: '您的手机号码' }).waitFor();
    await page.locator('.keypad').getByRole('button', { name: '删除' }).click();
    await page.locator('.keypad').getByRole('button', { name: '9', exact: true }).click();
    await next();
    // Back to the review, not on to the next question.
    await page.getByRole('heading', { level: 1, name: '请核对您的申请' }).waitFor();
    await expect(page.locator('main').innerText()).resolves.toContain('13800138009');
  });

  it('signs under the declaration with a finger, and may clear and sign again', async () => {
    const { page } = ctx;
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const clear = page.getByRole('button', { name: '清除重签' });
    await expect(clear.isDisabled()).resolves.toBe(true);
    const draw = async (points: readonly (readonly [number, number])[]): Promise<void> => {
      const box = await pad.boundingBox();
      if (box === null) throw new Error('no signature pad');
      const at = ([x, y]: readonly [number, number]) =>
        [box.x + x * box.width, box.y + y * box.height] as const;
      const [first, ...rest] = points;
      if (first === undefined) return;
      await page.mouse.move(...at(first));
      await page.mouse.down();
      for (const point of rest) await page.mouse.move(...at(point), { steps: 4 });
      await page.mouse.up();
    };
    await draw([
      [0.1, 0.7],
      [0.3, 0.2],
      [0.5, 0.7],
    ]);
    await expect(pad.getAttribute('aria-label')).resolves.toBe('已签名');
    await clear.click();
    await expect(pad.getAttribute('aria-label')).resolves.toBe('请在此处签名');
    await draw([
      [0.1, 0.6],
      [0.25, 0.3],
      [0.4, 0.65],
      [0.6, 0.3],
    ]);
    await draw([
      [0.7, 0.4],
      [0.9, 0.5],
    ]);
    await expect(pad.locator('path').getAttribute('d')).resolves.toMatch(/^M\d+ \d+(L\d+ \d+)+M/);
    await screenshot(page, 'portrait-09b-review-signed');
  });

  let applicationNo = '';
  it('submits and shows the slip with number, QR, fee and due date', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('heading', { level: 1, name: '提交成功' }).waitFor();
    applicationNo = await page.getByTestId('application-no').innerText();
    expect(applicationNo).toMatch(/^\d{8}-[0-9A-Z]{6}-[0-9A-Z]$/);
    const text = await page.locator('main').innerText();
    expect(text).toContain('普通护照首次申请');
    expect(text).toContain('￥120.00');
    expect(text).toContain('7个工作日');
    expect(text).toContain('申请回执');
    expect(text).toContain('自窗口受理之日起计算');
    expect(text).not.toContain('预计办结');
    expect(text).toContain('扫描本回执二维码');
    expect(text).toContain('本机暂未连接派出所后台');
    await expect(page.getByRole('img', { name: '扫码查询办理进度' }).count()).resolves.toBe(1);
    // The A4 form for the window carries the signature drawn on the review screen.
    await expect(page.getByTestId('a4-signature').count()).resolves.toBe(1);
    // An adult signs alone: no guardian's line.
    await expect(page.getByTestId('a4-guardian-signature').count()).resolves.toBe(0);
    await screenshot(page, 'portrait-10-slip');
  });

  it('reprints the slip a bounded number of times, each audited', async () => {
    const { page } = ctx;
    const printSlip = (translation: unknown) =>
      page.evaluate(
        async (t) =>
          (await (
            await fetch('/api/printSlip', {
              method: 'POST',
              body: JSON.stringify({ translation: t }),
            })
          ).json()) as { ok: boolean; value?: { status: string }; error?: { code: string } },
        translation,
      );
    // A picture offered on a reprint of a Chinese slip is not printed: the first print fixed it (none).
    const offered = { width: 384, height: 8, bits: Buffer.alloc(384, 0xff).toString('base64') };
    // Printed once at submission; two more copies are allowed, then the window gives one.
    expect(await printSlip(offered)).toMatchObject({ ok: true, value: { status: 'printed' } });
    expect(await printSlip(null)).toMatchObject({ ok: true, value: { status: 'printed' } });
    expect(await printSlip(null)).toMatchObject({ ok: false, error: { code: 'print_limit' } });
    const audit = readFileSync(join(ctx.kiosk.dataDir, 'audit', 'audit.jsonl'), 'utf8');
    expect(audit.match(/"slip\.printed"/g)).toHaveLength(3);
    expect(audit).toContain('"slip.print_refused"');
  });

  it('saved the application durably in SQLite, personal data encrypted', async () => {
    const dbPath = join(ctx.kiosk.dataDir, 'kiosk.sqlite');
    const db = new DatabaseSync(dbPath, { readOnly: true });
    const row = db
      .prepare('SELECT * FROM applications WHERE application_no = ?')
      .get(applicationNo) as Record<string, unknown> | undefined;
    const outbox = db
      .prepare('SELECT state FROM outbox WHERE application_id = ?')
      .get(row?.['id'] as string) as { state: string } | undefined;
    const journal = db.prepare('PRAGMA journal_mode').get() as { journal_mode: string };
    const recordKey = db
      .prepare('SELECT wrapped FROM record_keys WHERE application_id = ?')
      .get(row?.['id'] as string) as { wrapped: Uint8Array } | undefined;
    db.close();
    expect(row).toBeDefined();
    expect(row?.['service_id']).toBe('passport-first');
    const ruleFile = JSON.parse(
      readFileSync(join(ROOT, 'rules', 'services', 'passport-first.json'), 'utf8'),
    ) as { version: string };
    expect(row?.['rule_version']).toBe(ruleFile.version);
    expect(row?.['rule_hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.['fee_fen']).toBe(12000);
    expect(row?.['status']).toBe('pending_review');
    expect(outbox?.state).toBe('queued');
    expect(journal.journal_mode).toBe('wal');

    // The payload is sealed with the application's own key, which only the data key unwraps.
    const dataKey = readFileSync(join(ctx.kiosk.dataDir, 'keys', 'data.key'));
    const key = unseal(
      dataKey,
      recordKey?.wrapped ?? new Uint8Array(0),
      `record-key:${row?.['id'] as string}`,
    );
    if (!key.ok) throw new Error('the application key does not open with the data key');
    const opened = unseal(key.value, row?.['payload'] as Uint8Array, row?.['id'] as string);
    expect(opened.ok).toBe(true);
    const payload = opened.ok ? JSON.parse(Buffer.from(opened.value).toString('utf8')) : null;
    expect(payload.identity.name).toBe('王晓明');
    expect(payload.answers.mobile).toBe('13800138009');
    // Two strokes, sealed with the rest: nothing of them in clear (the search below).
    expect(payload.signature.strokes).toHaveLength(2);

    // Nothing personal in clear anywhere in the data folder (database, WAL, logs).
    const needles = ['王晓明', '110105198806150', '13800138009', '示例路88号'];
    const files = readdirSync(ctx.kiosk.dataDir, { recursive: true, withFileTypes: true }).filter(
      (f) => f.isFile(),
    );
    for (const file of files) {
      const bytes = readFileSync(join(file.parentPath, file.name));
      for (const needle of needles) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${file.name}`).toBe(
          false,
        );
        expect(
          bytes.includes(Buffer.from(needle, 'utf16le')),
          `${needle} (UTF-16) in ${file.name}`,
        ).toBe(false);
      }
    }
  });

  it('returns home and leaves nothing personal on screen after 完成', async () => {
    const { page } = ctx;
    await page.getByRole('button', { name: '完成，返回首页' }).click();
    await page.getByRole('heading', { level: 1, name: '您好！请选择要办理的业务' }).waitFor();
    const html = await kioskDom(page);
    for (const needle of ['王晓明', '110105198806150', '13800138009', applicationNo])
      expect(html).not.toContain(needle);
    expect(html).not.toContain('a4-signature');
    const storage = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(storage).toBe('{}{}');
  });
});
