/**
 * HID-POS scanner input reports (usage page 0x8C), Honeywell layout with the
 * report id stripped (docs/DEVICES.md §4): [0] length of data in this report,
 * [1..3] AIM symbology id, data from [4], and in the report's last three
 * bytes the vendor code id, 0x00, and a "more reports follow" flag.
 */
export interface HidPosReport {
  readonly aim: string;
  readonly data: Uint8Array;
  readonly more: boolean;
}

export function parseHidPosReport(report: Uint8Array): HidPosReport | null {
  if (report.length < 8) return null;
  const length = report[0] ?? 0;
  if (4 + length > report.length - 3) return null;
  const aim = String.fromCharCode(report[1] ?? 0, report[2] ?? 0, report[3] ?? 0);
  return { aim, data: report.slice(4, 4 + length), more: (report[report.length - 1] ?? 0) !== 0 };
}

/** Joins multi-report scans: hands back the whole payload when the last report arrives. */
export function createHidPosAssembler(): (
  report: Uint8Array,
) => { aim: string; data: Uint8Array } | null {
  let parts: Uint8Array[] = [];
  let aim = '';
  return (report) => {
    const parsed = parseHidPosReport(report);
    if (parsed === null) return null;
    if (parts.length === 0) aim = parsed.aim;
    parts.push(parsed.data);
    if (parsed.more) return null;
    const data = Buffer.concat(parts);
    parts = [];
    return { aim, data: new Uint8Array(data) };
  };
}

/** Builds the reports a scanner would send for a payload (used by the HID-POS simulator and tests). */
export function hidPosReports(aim: string, payload: Uint8Array, reportSize = 64): Uint8Array[] {
  const room = reportSize - 4 - 3;
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < payload.length; at += room) {
    const chunk = payload.subarray(at, at + room);
    const report = new Uint8Array(reportSize);
    report[0] = chunk.length;
    report.set([aim.charCodeAt(0), aim.charCodeAt(1), aim.charCodeAt(2)], 1);
    report.set(chunk, 4);
    report[reportSize - 1] = at + room < payload.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
