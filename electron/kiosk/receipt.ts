import { formatDate, formatDateTime, formatFee, maskName } from '../../rules/engine/text-format';
import type { Slip } from '../api/contract';
import type { ReceiptSlip } from '../devices/printer/slip-receipt';

const STATUS = {
  pending_review: '已提交，等待窗口审核',
  pending_completion: '待补正：请补齐材料后到窗口办理',
} as const;

function assistanceText(assistance: NonNullable<Slip['assistance']>): string {
  const parts = [
    ...(assistance.greenChannelReason === null
      ? []
      : [`绿色通道：${assistance.greenChannelReason['zh-CN']}`]),
    ...(assistance.fillOnBehalf ? ['部分内容由工作人员代为填写'] : []),
    ...(assistance.skippedOptional ? ['已跳过可选问题'] : []),
  ];
  return parts.length === 0 ? '导办员协助办理' : parts.join('；');
}

/** The slip as printed: in Chinese, as the station's official receipt; the name masked like on screen. */
export function receiptFor(slip: Slip): ReceiptSlip {
  const zh = (text: { 'zh-CN': string }) => text['zh-CN'];
  const incomplete = slip.status === 'pending_completion';
  const limit = slip.workingDays === 0 ? '当场办结' : `${slip.workingDays}个工作日`;
  const due =
    slip.workingDays === 0
      ? incomplete
        ? '材料补齐后当场办结'
        : '当场办结'
      : `${formatDate(slip.dueDate, 'zh-CN')}${incomplete ? '（自材料补齐之日起计算）' : ''}${slip.dueDateCertain ? '' : '（以窗口告知为准）'}`;
  const fee =
    slip.fee.total === 0
      ? '免费'
      : `${formatFee(slip.fee.total)}（${slip.fee.items.map((i) => zh(i.label)).join('、')}）`;
  return {
    station: slip.station.name,
    title: '受理回执',
    applicationNoLabel: '申请编号',
    applicationNo: slip.applicationNo,
    qrText: slip.qrText,
    qrCaption: '扫码查询办理进度',
    rows: [
      ['办理业务', zh(slip.serviceName)],
      ['申请人', maskName(slip.applicantName)],
      ['提交时间', formatDateTime(slip.submittedAt, 'zh-CN')],
      ['当前状态', STATUS[slip.status]],
      ...slip.outcomes.map((o): [string, string] => [zh(o.label), zh(o.text)]),
      ...(slip.greenChannel.length > 0
        ? [['绿色通道', slip.greenChannel.map(zh).join('；')] as [string, string]]
        : []),
      ...(slip.assistance === null
        ? []
        : [['工作人员协助', assistanceText(slip.assistance)] as [string, string]]),
      ...(slip.captured.length > 0
        ? [['已拍照提交', slip.captured.map((c) => zh(c.name)).join('、')] as [string, string]]
        : []),
      ['应缴费用', fee],
      ['办理时限', limit],
      ['预计办结', due],
      ['受理窗口', zh(slip.desk)],
      ['联系电话', slip.station.phone],
      ['监督投诉', slip.station.complaintPhone],
    ],
    ...(slip.missing.length > 0
      ? {
          notice: {
            title: '一次性告知单',
            lead: '您的申请已受理登记，但还缺少以下材料。请一次备齐后到窗口办理：',
            items: slip.missing.map((m) =>
              zh(m.satisfiedBy) === zh(m.name)
                ? { name: zh(m.name) }
                : { name: zh(m.name), satisfiedBy: `可提供：${zh(m.satisfiedBy)}` },
            ),
          },
        }
      : {}),
    bringTitle: '请带到窗口的材料',
    bring: slip.bring.map((b) => zh(b.name)),
    notes: slip.notes.map(zh),
    howToQueryTitle: '查询方式',
    howToQuery: zh(slip.howToQuery),
    footer: [`规则版本 ${slip.ruleVersion}`],
  };
}
