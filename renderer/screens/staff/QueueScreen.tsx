import { useCallback, useEffect, useState } from 'react';
import type { OutboxState } from '../../../core/status';
import type { QueueStatus } from '../../../core/api/contract';
import { kiosk } from '../../api/kiosk';
import { ActionBar } from '../../components/ActionBar';
import { formatDateTime, formatFee } from '../../format';
import { useT } from '../../i18n';
import type { HelpScreen } from '../../../core/help-screens';
import { useHelp } from '../../state/help';
import { useStaff } from '../../state/staff';
import { useUi } from '../../state/ui';
import { useScreenHeading } from '../use-screen-heading';

const STATES: readonly OutboxState[] = [
  'queued',
  'sending',
  'needs_attention',
  'rejected',
  'accepted',
];
const REFRESH_MS = 2000;

/** The screen a call came from, in words. */
function helpWhere(screen: HelpScreen): `help.where.${HelpScreen}` {
  return `help.where.${screen}`;
}

function duration(t: ReturnType<typeof useT>['t'], seconds: number): string {
  if (seconds < 60) return t('duration.seconds', { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('duration.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('duration.hours', { h: hours, m: minutes % 60 });
  return t('duration.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/**
 * The outbox for hall guides and technicians: how many applications are in
 * each state, how long the oldest has waited, the last error, the link to the
 * back office, and "send now". Counts and technical messages only — never a
 * name, an ID number or an application's contents.
 */
export function QueueScreen() {
  const { t, locale } = useT();
  const go = useUi((s) => s.go);
  const role = useStaff((s) => s.role);
  const setRole = useStaff((s) => s.setRole);
  const heading = useScreenHeading();
  const [queue, setQueue] = useState<QueueStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const help = useHelp((s) => s.request);
  const answerCall = async (): Promise<void> => {
    const result = await kiosk.answerStaffCall({});
    if (result.ok) useHelp.getState().setRequest(null);
  };

  const lock = useCallback(async () => {
    await kiosk.staffLock({});
    setRole(null);
    go({ name: 'home' });
  }, [go, setRole]);

  const load = useCallback(
    () =>
      kiosk.getQueueStatus({}).then((result) => {
        if (result.ok) setQueue(result.value);
        else if (result.error.code === 'staff_locked') void lock();
      }),
    [lock],
  );

  useEffect(() => {
    const timer = setInterval(() => void load(), REFRESH_MS);
    void load();
    return () => clearInterval(timer);
  }, [load]);

  const syncNow = async (): Promise<void> => {
    const result = await kiosk.syncNow({});
    setNotice(
      result.ok
        ? t('queue.syncScheduled', { n: result.value.due })
        : t('queue.syncFailed', { reason: result.error.message }),
    );
    void load();
  };

  const link = queue?.link;
  const pausedUntil = link?.pausedUntil ?? null;
  const linkText =
    queue === null || link === undefined
      ? ''
      : !queue.backOfficeConfigured
        ? t('queue.link.none')
        : link.reachable === null
          ? t('queue.link.unknown')
          : link.reachable
            ? t('queue.link.up', {
                at: link.lastContactAt === null ? '—' : formatDateTime(link.lastContactAt, locale),
              })
            : t('queue.link.down', { problem: link.lastProblem ?? '—' });

  return (
    <section className="screen screen-queue" aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1} className="screen-title">
        {t('queue.title')}
      </h1>
      <p className="hint">{t('queue.noPersonal')}</p>
      {notice !== null && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {queue !== null && (
        <>
          <p
            className={`notice ${queue.backOfficeConfigured && link?.reachable === false ? 'notice-error' : queue.backOfficeConfigured && link?.reachable ? 'notice-ok' : 'notice-warn'}`}
            data-testid="queue-link"
          >
            <strong>{t('queue.link')}</strong> {linkText}
            {pausedUntil !== null && (
              <span className="queue-paused">
                {' '}
                · {t('queue.pausedUntil', { at: formatDateTime(pausedUntil, locale) })}
              </span>
            )}
          </p>
          {!queue.storage.ok && (
            <p className="notice notice-error" role="alert">
              {t('queue.storageLow', { free: queue.storage.freeMb, min: queue.storage.minFreeMb })}
            </p>
          )}
          {help !== null && (
            <div className="notice notice-warn help-alert" role="alert" data-testid="help-alert">
              <p>
                {t('help.queueAlert', {
                  at: formatDateTime(help.since, locale),
                  where: t(helpWhere(help.screen)),
                })}
              </p>
              <button
                type="button"
                className="button button-primary"
                onClick={() => void answerCall()}
              >
                {t('help.answer')}
              </button>
            </div>
          )}
          <section className="diag-block" aria-labelledby="queue-counts">
            <h2 id="queue-counts" className="block-title">
              {t('queue.counts')}
            </h2>
            <ul className="queue-counts">
              {STATES.map((state) => (
                <li key={state} className={`queue-count state-${state}`} data-state={state}>
                  <span className="queue-count-n">{queue.counts[state] ?? 0}</span>
                  <span className="queue-count-label">{t(`queue.state.${state}`)}</span>
                </li>
              ))}
            </ul>
          </section>
          {queue.payments.length > 0 && (
            <section
              className="diag-block"
              aria-labelledby="queue-payments"
              data-testid="queue-payments"
            >
              <h2 id="queue-payments" className="block-title">
                {t('queue.payments')}
              </h2>
              <ul className="bullets">
                {queue.payments.map((p) => (
                  <li key={p.orderNo} data-order={p.orderNo}>
                    {t(p.attention === null ? 'queue.payment.open' : 'queue.payment.refund', {
                      order: p.orderNo,
                      application: p.applicationNo,
                      amount: formatFee(p.amountFen / 100),
                    })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <dl className="summary summary-card">
            <div className="summary-row">
              <dt>{t('queue.oldest')}</dt>
              <dd>
                {queue.oldestWaitingSeconds === null
                  ? t('queue.oldestNone')
                  : duration(t, queue.oldestWaitingSeconds)}
              </dd>
            </div>
            <div className="summary-row">
              <dt>{t('queue.lastError')}</dt>
              <dd data-testid="queue-last-error">
                {queue.lastError === null
                  ? t('queue.lastErrorNone')
                  : `${formatDateTime(queue.lastError.at, locale)} · ${queue.lastError.message}`}
              </dd>
            </div>
            <div className="summary-row">
              <dt>{t('queue.storage')}</dt>
              <dd>
                {t('queue.storageValue', {
                  free: queue.storage.freeMb,
                  min: queue.storage.minFreeMb,
                })}
              </dd>
            </div>
          </dl>
        </>
      )}
      <ActionBar
        start={
          <>
            <button type="button" className="button button-secondary" onClick={() => void lock()}>
              {t('queue.lock')}
            </button>
            {role === 'technician' && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => go({ name: 'diagnostics' })}
              >
                {t('queue.diagnostics')}
              </button>
            )}
          </>
        }
        end={
          <button
            type="button"
            className="button button-primary"
            disabled={queue?.backOfficeConfigured !== true}
            onClick={() => void syncNow()}
          >
            {t('queue.syncNow')}
          </button>
        }
      />
    </section>
  );
}
