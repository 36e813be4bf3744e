import { formatDateTime, formatFee, maskName } from '../base/text-format';
import { aside, coreText, joinList, pick, type CoreMessageKey, type Locale } from './i18n';
import type { TimeLimit } from '../rules/engine/evaluate';
import type { SlipDraft, Station } from './slip';

/** 当场办结 / 7个工作日 / 当场办结至20个工作日 — a time limit, or the range over an item's cases. */
export function timeLimitText(locale: Locale, min: number, max: number): string {
  if (min === max) {
    return min === 0
      ? coreText(locale, 'timeLimit.onSpot')
      : coreText(locale, 'timeLimit.days', { days: min });
  }
  return min === 0
    ? coreText(locale, 'timeLimit.rangeFromSpot', { to: max })
    : coreText(locale, 'timeLimit.range', { from: min, to: max });
}

/** An item's time limit as the home screen and the guide state it: a range of working days, or calendar days. */
export function summaryLimitText(
  locale: Locale,
  range: { readonly min: number; readonly max: number; readonly calendarDays?: number },
): string {
  return range.calendarDays === undefined
    ? timeLimitText(locale, range.min, range.max)
    : coreText(locale, 'timeLimit.calendarDays', { days: range.calendarDays });
}

/** What a hall guide did, in the words the review screen, the slip and the A4 form use. */
export function assistanceLines(
  locale: Locale,
  assistance: {
    readonly greenChannelReason: string | null;
    readonly fillOnBehalf: boolean;
    readonly skippedOptional: boolean;
  },
): string[] {
  return [
    ...(assistance.greenChannelReason === null
      ? []
      : [coreText(locale, 'review.assistGreen', { reason: assistance.greenChannelReason })]),
    ...(assistance.fillOnBehalf ? [coreText(locale, 'review.assistFill')] : []),
    ...(assistance.skippedOptional ? [coreText(locale, 'review.assistSkip')] : []),
  ];
}

export type SlipRowKey =
  | 'service'
  | 'applicant'
  | 'agent'
  | 'submittedAt'
  | 'status'
  | 'outcome'
  | 'greenChannel'
  | 'assistance'
  | 'captured'
  | 'identityCheck'
  | 'portrait'
  | 'fee'
  | 'payment'
  | 'receipt'
  | 'endorsement'
  | 'timeLimit'
  | 'desk'
  | 'station'
  | 'stationPhone'
  | 'dutyPhone'
  | 'complaintPhone'
  | 'hotline';

export interface SlipRow {
  readonly key: SlipRowKey;
  readonly label: string;
  readonly value: string;
}

/** The slip in words, in one language: what the printer prints, the screen shows and the A4 form repeats. */
export interface SlipLines {
  readonly heading: string;
  readonly station: string;
  readonly applicationNoLabel: string;
  readonly applicationNo: string;
  readonly qrText: string;
  readonly qrCaption: string;
  /** The 财政电子票据's link as a second QR, once the fee was paid here and the receipt issued. */
  readonly receiptQr: { readonly text: string; readonly caption: string } | null;
  readonly rows: readonly SlipRow[];
  /** 一次性告知单, when something is missing. */
  readonly notice: {
    readonly title: string;
    readonly lead: string;
    readonly items: readonly { readonly name: string; readonly satisfiedBy: string | null }[];
  } | null;
  readonly bringTitle: string;
  readonly bring: readonly string[];
  readonly notes: readonly string[];
  readonly howToQueryTitle: string;
  readonly howToQuery: string;
  /** Said while the application may not have left this kiosk: the paper cannot update itself. */
  readonly queryUntilSent: string;
  readonly footer: string;
}

/** The fee with what it is for: 免费, ￥120.00（护照费）, ￥30.00（香港签注费 ￥15.00、澳门签注费 ￥15.00）. */
export function feeText(locale: Locale, fee: SlipDraft['fee']): string {
  if (fee.total === 0) return coreText(locale, 'review.feeNone');
  const [only] = fee.items;
  if (fee.items.length === 1 && only !== undefined) {
    return `${formatFee(fee.total)}${aside(pick(locale, only.label), locale)}`;
  }
  const items = fee.items.map((i) => `${pick(locale, i.label)} ${formatFee(i.amount)}`);
  return `${formatFee(fee.total)}${aside(joinList(items, locale), locale)}`;
}

/**
 * The time limit as the law counts it: from the window's 受理, which the kiosk
 * cannot know (it takes a pre-application), so no date — 7个工作日（自窗口受理之日起计算）.
 */
export function limitAfterAcceptance(locale: Locale, limit: TimeLimit): string {
  if (limit.days === 0) return coreText(locale, 'slip.onSpotAfterAcceptance');
  return coreText(locale, 'slip.limitAfterAcceptance', { limit: limitText(locale, limit) });
}

/** 7个工作日, or 20日 where the limit is counted in calendar days. */
function limitText(locale: Locale, limit: TimeLimit): string {
  switch (limit.unit) {
    case 'working':
      return timeLimitText(locale, limit.days, limit.days);
    case 'calendar':
      return coreText(locale, 'timeLimit.calendarDays', { days: limit.days });
  }
}

/** One source for the slip's words in `locale`; the name is masked, as anyone may hold the slip. */
export function slipLines(slip: SlipDraft, locale: Locale): SlipLines {
  const text = (key: Parameters<typeof coreText>[1], params?: Parameters<typeof coreText>[2]) =>
    coreText(locale, key, params);
  const l = (value: Parameters<typeof pick>[1]) => pick(locale, value);
  const row = (key: SlipRowKey, label: string, value: string): SlipRow => ({ key, label, value });
  const assistance = slip.assistance;
  const rows: SlipRow[] = [
    row('service', text('slip.service'), l(slip.serviceName)),
    // For someone else: the application is the 委托人's, and the agent who came is named too.
    ...(slip.principal === null
      ? [row('applicant', text('slip.applicant'), maskName(slip.applicantName))]
      : [
          row('applicant', text('slip.principal'), maskName(slip.principal.name)),
          row('agent', text('slip.agent'), maskName(slip.applicantName)),
        ]),
    row('submittedAt', text('slip.submittedAt'), formatDateTime(slip.submittedAt, locale)),
    row(
      'status',
      text('slip.status'),
      // 再次签注 issued here: nothing is left for the window.
      slip.endorsement?.result === 'issued'
        ? text('slip.status.done_here')
        : text(`slip.status.${slip.status}`),
    ),
    ...slip.outcomes.map((o) => row('outcome', l(o.label), l(o.text))),
    ...(slip.greenChannel.length === 0
      ? []
      : [
          row(
            'greenChannel',
            text('slip.greenChannel'),
            joinList(slip.greenChannel.map(l), locale, true),
          ),
        ]),
    ...(assistance === null
      ? []
      : [
          row(
            'assistance',
            text('slip.assistance'),
            joinList(
              assistanceLines(locale, {
                ...assistance,
                greenChannelReason:
                  assistance.greenChannelReason === null ? null : l(assistance.greenChannelReason),
              }),
              locale,
              true,
            ) || text('slip.assistance'),
          ),
        ]),
    ...(slip.captured.length === 0
      ? []
      : [
          row(
            'captured',
            text('slip.captured'),
            joinList(
              slip.captured.map((c) => l(c.name)),
              locale,
            ),
          ),
        ]),
    ...(slip.identityCheck === null
      ? []
      : [
          row(
            'identityCheck',
            text('slip.identityCheck'),
            text(`slip.identityCheck.${slip.identityCheck}`),
          ),
        ]),
    ...(slip.portrait === null
      ? []
      : [row('portrait', text('slip.portrait'), text(`slip.portrait.${slip.portrait}`))]),
    row('fee', text('slip.fee'), feeText(locale, slip.fee)),
    ...paymentRows(locale, slip, row),
    ...endorsementRows(locale, slip, row),
    row('timeLimit', text('slip.timeLimit'), limitAfterAcceptance(locale, slip.timeLimit)),
    row('desk', text('slip.desk'), l(slip.desk)),
    row('station', text('slip.station'), slip.station.name),
    ...contactRows(locale, slip.station),
  ];
  return {
    heading: text('slip.heading'),
    station: slip.station.name,
    applicationNoLabel: text('slip.applicationNo'),
    applicationNo: slip.applicationNo,
    qrText: slip.qrText,
    qrCaption: text('slip.qrLabel'),
    receiptQr:
      slip.payment?.receipt === null || slip.payment === null
        ? null
        : { text: slip.payment.receipt.url, caption: text('slip.receiptQr') },
    rows,
    notice:
      slip.missing.length === 0
        ? null
        : {
            title: text('slip.notice'),
            lead: text('slip.noticeLead'),
            items: slip.missing.map((m) => ({
              name: l(m.name),
              satisfiedBy:
                l(m.satisfiedBy) === l(m.name)
                  ? null
                  : `${text('slip.noticeSatisfy')}${l(m.satisfiedBy)}`,
            })),
          },
    bringTitle: text('slip.bring'),
    bring: slip.bring.map((b) => l(b.name)),
    notes: slip.notes.map(l),
    howToQueryTitle: text('slip.howToQuery'),
    howToQuery: l(slip.howToQuery),
    queryUntilSent: text('slip.queryUntilSent'),
    footer: text('slip.ruleVersion', { version: slip.ruleVersion }),
  };
}

/**
 * Whom to call, on every paper the kiosk prints: the station, its duty officer where it keeps a
 * roster, and each supervision number for what it is for (12389 for complaints about police,
 * 12345 for the government's services). The number alone is the value (it must read the same in
 * a right-to-left language); what it is for goes with its label.
 */
export function contactRows(locale: Locale, station: Station): SlipRow[] {
  const text = (key: CoreMessageKey): string => coreText(locale, key);
  return [
    { key: 'stationPhone', label: text('slip.stationPhone'), value: station.phone },
    ...(station.dutyPhone === null
      ? []
      : [{ key: 'dutyPhone' as const, label: text('slip.dutyPhone'), value: station.dutyPhone }]),
    {
      key: 'complaintPhone',
      label: `${text('slip.complaintPhone')}${aside(text('slip.complaintPhone.for'), locale)}`,
      value: station.complaintPhone,
    },
    {
      key: 'hotline',
      label: `${text('slip.hotline')}${aside(text('slip.hotline.for'), locale)}`,
      value: '12345',
    },
  ];
}

type RowMaker = (key: SlipRowKey, label: string, value: string) => SlipRow;

/** 已缴费 ￥30.00（订单号 …）and its e-receipt, or 未缴费 with where to pay. */
function paymentRows(locale: Locale, slip: SlipDraft, row: RowMaker): SlipRow[] {
  const { payment } = slip;
  if (payment === null) return [];
  const text = (key: CoreMessageKey, values?: Record<string, string | number>): string =>
    coreText(locale, key, values);
  if (payment.state === 'unpaid')
    return [
      row(
        'payment',
        text('slip.payment'),
        text('slip.payment.unpaid', { amount: formatFee(payment.amount) }),
      ),
    ];
  return [
    row(
      'payment',
      text('slip.payment'),
      text('slip.payment.paid', {
        amount: formatFee(payment.amount),
        order: payment.orderNo ?? '',
      }),
    ),
    row(
      'receipt',
      text('slip.receipt'),
      payment.receipt === null ? text('slip.receipt.pending') : payment.receipt.number,
    ),
  ];
}

/** 签注已办理 with kind, trips and validity; referred with why; or for the window with why. */
function endorsementRows(locale: Locale, slip: SlipDraft, row: RowMaker): SlipRow[] {
  const { endorsement } = slip;
  if (endorsement === null) return [];
  const text = (key: CoreMessageKey, values?: Record<string, string | number>): string =>
    coreText(locale, key, values);
  switch (endorsement.result) {
    case 'issued':
      return [
        row(
          'endorsement',
          text('slip.endorsement'),
          text('slip.endorsement.issued', {
            destination: text(`slip.endorsement.destination.${endorsement.destination}`),
            kind: text(`slip.endorsement.kind.${endorsement.kind}`),
            trips: text(`slip.endorsement.trips.${tripsKey(endorsement.trips)}`),
            from: endorsement.validFrom,
            until: endorsement.validUntil,
          }),
        ),
      ];
    case 'referred':
      return [
        row(
          'endorsement',
          text('slip.endorsement'),
          text('slip.endorsement.referred', {
            reason: endorsement.reason,
            days: endorsement.workingDays,
          }),
        ),
      ];
    case 'window':
      return [
        row(
          'endorsement',
          text('slip.endorsement'),
          text(`slip.endorsement.window.${endorsement.why}`),
        ),
      ];
  }
}

const TRIPS = ['3m-1', '3m-2', '3m-multi', '1y-1', '1y-2', '1y-multi'] as const;
const tripsKey = (trips: string): (typeof TRIPS)[number] =>
  TRIPS.find((t) => t === trips) ?? '1y-multi';
