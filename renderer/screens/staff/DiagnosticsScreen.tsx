import { useCallback, useEffect, useState } from 'react';
import type { DeviceHealthView, MethodOutput } from '../../../core/api/contract';
import { kiosk } from '../../api/kiosk';
import { formatClockMs } from '../../../base/text-format';
import { ActionBar } from '../../components/ActionBar';
import { useT } from '../../i18n';
import { useStaff } from '../../state/staff';
import { useUi } from '../../state/ui';
import { useScreenHeading } from '../use-screen-heading';
import { deviceWord } from './device-words';
import { readinessLine } from './readiness-line';

type Diagnostics = MethodOutput<'getDiagnostics'>;
type DemoFault = Diagnostics['demoFaults'][string][number];

/**
 * The technician's view of the kiosk: every device with its connection,
 * state, last error and facts (SAM id, paper), a self-test and the live frame
 * log of each, the machine, the rule files, and a readiness report to export.
 * Nothing here is personal: card data and scans are masked in the main process.
 */
export function DiagnosticsScreen() {
  const { t } = useT();
  const go = useUi((s) => s.go);
  const setRole = useStaff((s) => s.setRole);
  const heading = useScreenHeading();
  const [data, setData] = useState<Diagnostics | null>(null);
  const [exported, setExported] = useState<MethodOutput<'exportReadinessReport'> | null>(null);

  const lock = useCallback(async () => {
    await kiosk.staffLock({});
    setRole(null);
    go({ name: 'home' });
  }, [go, setRole]);

  // Bumping the version reloads the diagnostics; events and buttons bump it.
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    void kiosk.getDiagnostics({}).then((result) => {
      if (result.ok) setData(result.value);
      else if (result.error.code === 'staff_locked') void lock();
    });
  }, [version, lock]);

  useEffect(() => {
    const off = kiosk.on('devicesChanged', refresh);
    // The main process ends an idle technician session; notice it and lock the screen too.
    const timer = setInterval(() => {
      void kiosk.staffStatus({}).then((r) => {
        if (r.ok && r.value.role !== 'technician') void lock();
      });
    }, 30_000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [refresh, lock]);

  const ready = data?.checks.every((c) => c.ok) ?? false;
  return (
    <section className="screen screen-diagnostics" aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
        {t('diag.title')}
      </h1>
      {data !== null && (
        <>
          <p className={`notice ${ready ? 'notice-ok' : 'notice-error'}`} role="status">
            {data.kioskId} · {data.stationCode} · {ready ? t('diag.ready') : t('diag.notReady')}
          </p>
          {exported !== null && (
            <p className="notice">{t('diag.exported', { path: exported.path })}</p>
          )}
          <section className="diag-block" aria-labelledby="diag-devices">
            <h2 id="diag-devices" className="block-title">
              {t('diag.devices')}
            </h2>
            <div className="diag-devices">
              {data.devices.map((device) => (
                <DeviceCard
                  key={device.id}
                  device={device}
                  faults={data.demoFaults[device.id] ?? []}
                  onChange={refresh}
                />
              ))}
            </div>
          </section>
          <section className="diag-block" aria-labelledby="diag-checks">
            <h2 id="diag-checks" className="block-title">
              {t('diag.checks')}
            </h2>
            <ul className="diag-checks">
              {data.checks.map((check) => {
                const { name, detail } = readinessLine(t, check);
                const mark = check.level === 'fail' ? '✗' : check.level === 'warn' ? '!' : '✓';
                return (
                  <li
                    key={check.name}
                    className={`is-${check.level === 'fail' ? 'bad' : check.level}`}
                    data-check={check.words?.name ?? check.name}
                  >
                    <span aria-hidden="true">{mark}</span> {name}：{detail}
                  </li>
                );
              })}
            </ul>
          </section>
          <section className="diag-block" aria-labelledby="diag-rules">
            <h2 id="diag-rules" className="block-title">
              {t('diag.rules')}
            </h2>
            {data.ruleProblems.length === 0 ? (
              <p>{t('diag.rulesOk')}</p>
            ) : (
              <ul className="diag-rules">
                {data.ruleProblems.map((p) => (
                  <li key={p.file}>
                    <strong>{p.file}</strong> — {t(`diag.rulesAction.${p.action}`)}
                    <ul>
                      {p.problems.map((problem, i) => (
                        <li key={i}>
                          <code>{problem.path}</code> {problem.message}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="diag-block" aria-labelledby="diag-system">
            <h2 id="diag-system" className="block-title">
              {t('diag.system')}
            </h2>
            <dl className="summary">
              <Row
                label={t('diag.versions')}
                value={Object.entries(data.system.versions)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(' · ')}
              />
              <Row label={t('diag.platform')} value={data.system.platform} />
              <Row
                label={t('diag.uptime')}
                value={t('diag.minutes', { n: Math.round(data.system.uptimeSeconds.process / 60) })}
              />
              <Row
                label={t('diag.memory')}
                value={t('diag.memoryFigures', {
                  rss: data.system.memoryMb.rss,
                  free: data.system.memoryMb.free,
                  total: data.system.memoryMb.total,
                })}
              />
              <Row
                label={t('diag.disk')}
                value={
                  data.system.diskFreeMb === null
                    ? '—'
                    : t('diag.mb', { n: data.system.diskFreeMb })
                }
              />
              <Row label={t('diag.dataDir')} value={data.system.dataDir} />
              <Row label={t('diag.applications')} value={String(data.store.applications)} />
              <Row label={t('diag.queued')} value={String(data.store.queued)} />
              <Row label={t('diag.auditWaiting')} value={String(data.store.auditWaiting)} />
              <Row
                label={t('diag.ports')}
                value={
                  data.serialPorts.length === 0
                    ? t('diag.portsNone')
                    : data.serialPorts.map((p) => p.path).join(' · ')
                }
              />
            </dl>
          </section>
        </>
      )}
      <ActionBar
        start={
          <>
            <button type="button" className="button button-secondary" onClick={() => void lock()}>
              {t('diag.lock')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => go({ name: 'queue' })}
            >
              {t('queue.open')}
            </button>
          </>
        }
        end={
          <>
            <button type="button" className="button button-secondary" onClick={refresh}>
              {t('diag.refresh')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() =>
                void kiosk.exportReadinessReport({}).then((r) => {
                  if (r.ok) setExported(r.value);
                })
              }
            >
              {t('diag.export')}
            </button>
          </>
        }
      />
    </section>
  );
}

function Row({ label, value }: { readonly label: string; readonly value: string }) {
  return (
    <div className="summary-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function DeviceCard({
  device,
  faults,
  onChange,
}: {
  readonly device: DeviceHealthView;
  readonly faults: readonly DemoFault[];
  readonly onChange: () => void;
}) {
  const { t } = useT();
  const [test, setTest] = useState<string | null>(null);
  const [showFrames, setShowFrames] = useState(false);
  const [frames, setFrames] = useState<MethodOutput<'getFrameLog'>>([]);
  // What the kiosk says is on (a fault switched before this sign-in too), with this screen's
  // own switch shown at once while the kiosk's next report is on its way.
  const reported = faults
    .filter((f) => f.on)
    .map((f) => f.fault)
    .join(' ');
  const [switched, setSwitched] = useState<{
    readonly over: string;
    readonly on: ReadonlySet<string>;
  } | null>(null);
  const faultsOn: ReadonlySet<string> =
    switched !== null && switched.over === reported
      ? switched.on
      : new Set(reported === '' ? [] : reported.split(' '));

  useEffect(() => {
    if (!showFrames) return;
    const load = (): void => {
      void kiosk.getFrameLog({ deviceId: device.id }).then((r) => {
        if (r.ok) setFrames(r.value);
      });
    };
    load();
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, [showFrames, device.id]);

  const selfTest = async (): Promise<void> => {
    setTest(t('diag.selfTestRunning'));
    const result = await kiosk.deviceSelfTest({ deviceId: device.id });
    setTest(
      result.ok
        ? `${t('diag.selfTestOk', { summary: t(`diag.test.${result.value.code}`) })} ${Object.entries(
            result.value.facts,
          )
            .map(([k, v]) => `${deviceWord(t, 'fact', k)}：${deviceWord(t, 'value', v)}`)
            .join(' · ')}`
        : t('diag.selfTestFailed', { message: `${result.error.code} ${result.error.message}` }),
    );
    onChange();
  };

  return (
    <article
      className={`diag-device state-${device.state}`}
      aria-labelledby={`device-${device.id}`}
      data-device={device.id}
    >
      <h3 id={`device-${device.id}`} className="diag-device-title">
        {t(`diag.kind.${device.kind}`)} <code>{device.id}</code>
        <span className="diag-state">{t(`diag.state.${device.state}`)}</span>
      </h3>
      <dl className="summary">
        <Row
          label={t('diag.address')}
          value={
            device.address === device.transport
              ? deviceWord(t, 'transport', device.transport)
              : `${deviceWord(t, 'transport', device.transport)} · ${device.address}`
          }
        />
        {device.lastError !== null && <Row label={t('diag.lastError')} value={device.lastError} />}
        {Object.entries(device.facts).map(([k, v]) => (
          <Row key={k} label={deviceWord(t, 'fact', k)} value={deviceWord(t, 'value', v)} />
        ))}
      </dl>
      {test !== null && (
        <p className="diag-test" role="status">
          {test}
        </p>
      )}
      <div className="diag-actions">
        <button type="button" className="button button-secondary" onClick={() => void selfTest()}>
          {t('diag.selfTest')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setShowFrames((v) => !v)}
        >
          {showFrames ? t('diag.framesHide') : t('diag.frames')}
        </button>
      </div>
      {faults.length > 0 && (
        <div className="diag-faults" role="group" aria-label={t('diag.faults')}>
          <span className="diag-faults-label">{t('diag.faults')}</span>
          {faults.map(({ fault }) => (
            <button
              type="button"
              key={fault}
              className={`toggle toggle-small${faultsOn.has(fault) ? ' is-on' : ''}`}
              aria-pressed={faultsOn.has(fault)}
              onClick={() => {
                const on = !faultsOn.has(fault);
                void kiosk.demoSetFault({ deviceId: device.id, fault, on }).then(() => {
                  const next = new Set(faultsOn);
                  if (on) next.add(fault);
                  else next.delete(fault);
                  setSwitched({ over: reported, on: next });
                  onChange();
                });
              }}
            >
              {deviceWord(t, 'fault', fault)}
            </button>
          ))}
        </div>
      )}
      {showFrames && (
        <pre className="diag-frames" aria-live="off">
          {frames.length === 0
            ? t('diag.framesEmpty')
            : frames
                .slice(-40)
                .reverse()
                .map((f) => `${formatClockMs(f.at)} ${f.dir.padEnd(4)} ${f.text}`)
                .join('\n')}
        </pre>
      )}
    </article>
  );
}
