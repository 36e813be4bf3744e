import type { HeartbeatBody } from '../../electron/sync/protocol';

/** The newest heartbeat of one kiosk, as the back office received it. */
export interface LatestBeat {
  /** The back office's clock, ms. */
  readonly receivedAt: number;
  readonly body: HeartbeatBody;
  readonly anchorVerified: boolean;
  /** The client certificate's notAfter, as TLS reported it (`Jun 17 02:00:00 2026 GMT`). */
  readonly certificateValidTo: string;
}

export interface FleetRow {
  readonly kioskId: string;
  readonly lastSeenAt: string;
  readonly silentMinutes: number;
  readonly silent: boolean;
  readonly version: string;
  /** Waiting to be sent (queued or sending) and waiting for a person (needs attention). */
  readonly queued: number;
  readonly needsAttention: number;
  readonly oldestWaitingSeconds: number | null;
  readonly rulesVersion: string | null;
  readonly certificateDaysLeft: number | null;
  readonly devicesNotReady: readonly string[];
  readonly helpSince: string | null;
  readonly anchorVerified: boolean;
}

export interface FleetView {
  readonly at: string;
  readonly silentAfterMinutes: number;
  readonly rows: readonly FleetRow[];
  readonly summary: {
    readonly kiosks: number;
    readonly silent: number;
    /** Kiosks with applications not yet at the back office, and how many applications. */
    readonly unsettledKiosks: number;
    readonly unsettledApplications: number;
    readonly needsAttention: number;
    readonly oldestWaitingSeconds: number | null;
    readonly rulesVersions: Readonly<Record<string, number>>;
    readonly certificatesWithin30Days: number;
    readonly devicesNotReady: number;
    readonly helpOpen: number;
    readonly anchorsUnverified: number;
  };
}

const DAY_MS = 86_400_000;

/**
 * What a station's fleet view shows, read from nothing but the heartbeats
 * (see the Heartbeat schema's description in backoffice-api.yaml): which
 * kiosks fell silent, what each still has to send, which rule bundle each
 * serves, whose certificate runs out, whose devices are down.
 */
export function fleetView(
  latest: ReadonlyMap<string, LatestBeat>,
  nowMs: number,
  silentAfterMinutes: number,
): FleetView {
  const rows = [...latest.entries()]
    .map(([kioskId, beat]): FleetRow => {
      const silentMinutes = Math.floor((nowMs - beat.receivedAt) / 60_000);
      const validTo = Date.parse(beat.certificateValidTo);
      return {
        kioskId,
        lastSeenAt: new Date(beat.receivedAt).toISOString(),
        silentMinutes,
        silent: silentMinutes >= silentAfterMinutes,
        version: beat.body.version,
        queued: beat.body.queue.queued,
        needsAttention: beat.body.queue.needsAttention,
        oldestWaitingSeconds: beat.body.queue.oldestWaitingSeconds,
        rulesVersion: beat.body.rules?.version ?? null,
        certificateDaysLeft: Number.isNaN(validTo) ? null : Math.floor((validTo - nowMs) / DAY_MS),
        devicesNotReady: beat.body.devices.filter((d) => d.state !== 'ready').map((d) => d.id),
        helpSince: beat.body.helpRequested?.since ?? null,
        anchorVerified: beat.anchorVerified,
      };
    })
    .sort((a, b) => a.kioskId.localeCompare(b.kioskId));
  const sum = (f: (r: FleetRow) => number): number => rows.reduce((n, r) => n + f(r), 0);
  const versions: Record<string, number> = {};
  for (const r of rows) {
    const v = r.rulesVersion ?? '(unsigned)';
    versions[v] = (versions[v] ?? 0) + 1;
  }
  const oldest = rows.map((r) => r.oldestWaitingSeconds).filter((s): s is number => s !== null);
  return {
    at: new Date(nowMs).toISOString(),
    silentAfterMinutes,
    rows,
    summary: {
      kiosks: rows.length,
      silent: rows.filter((r) => r.silent).length,
      unsettledKiosks: rows.filter((r) => r.queued + r.needsAttention > 0).length,
      unsettledApplications: sum((r) => r.queued + r.needsAttention),
      needsAttention: sum((r) => r.needsAttention),
      oldestWaitingSeconds: oldest.length === 0 ? null : Math.max(...oldest),
      rulesVersions: versions,
      certificatesWithin30Days: rows.filter(
        (r) => r.certificateDaysLeft !== null && r.certificateDaysLeft < 30,
      ).length,
      devicesNotReady: rows.filter((r) => r.devicesNotReady.length > 0).length,
      helpOpen: rows.filter((r) => r.helpSince !== null).length,
      anchorsUnverified: rows.filter((r) => !r.anchorVerified).length,
    },
  };
}

/** The fleet view as a station's IT staff would read it: the summary, then the kiosks that need a look. */
export function formatFleetView(view: FleetView, worst = 5): string {
  const s = view.summary;
  const versions = Object.entries(s.rulesVersions)
    .map(([v, n]) => `${v} ×${n}`)
    .join(', ');
  const needsLook = view.rows
    .filter((r) => r.silent || r.queued + r.needsAttention > 0 || r.devicesNotReady.length > 0)
    .sort((a, b) => b.silentMinutes - a.silentMinutes || b.queued - a.queued)
    .slice(0, worst)
    .map(
      (r) =>
        `    ${r.kioskId}: last seen ${r.lastSeenAt} (${r.silentMinutes} min), ${r.queued} waiting, ` +
        `${r.needsAttention} need a person, rules ${r.rulesVersion ?? '(unsigned)'}, ` +
        `certificate ${r.certificateDaysLeft ?? '?'} days` +
        (r.devicesNotReady.length > 0 ? `, devices down: ${r.devicesNotReady.join(' ')}` : ''),
    );
  return [
    `fleet view at ${view.at}: ${s.kiosks} kiosks, ${s.silent} silent ≥ ${view.silentAfterMinutes} min, ` +
      `${s.unsettledApplications} applications unsettled on ${s.unsettledKiosks} kiosks ` +
      `(${s.needsAttention} need a person; oldest waiting ${s.oldestWaitingSeconds ?? 0} s)`,
    `  rule bundles: ${versions}; certificates expiring within 30 days: ${s.certificatesWithin30Days}; ` +
      `devices down on ${s.devicesNotReady} kiosks; help calls open: ${s.helpOpen}; ` +
      `audit anchors unverified: ${s.anchorsUnverified}`,
    ...(needsLook.length > 0 ? ['  needs a look:', ...needsLook] : []),
  ].join('\n');
}
