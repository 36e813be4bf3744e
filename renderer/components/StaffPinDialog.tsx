import { useState } from 'react';
import { errorMessage } from '../api/error-messages';
import { kiosk } from '../api/kiosk';
import { useT, type MessageKey } from '../i18n';
import { useJourney } from '../state/journey';
import type { StaffRole } from '../../core/status';
import { useStaff } from '../state/staff';
import { useUi } from '../state/ui';
import { Dialog } from './Dialog';
import { Keypad } from './Keypad';

/** A hall guide sees the application queue; a technician also the device diagnostics. */
const ROLES: readonly StaffRole[] = ['guide', 'technician'];

/**
 * Staff sign-in, opened by holding the kiosk's emblem for three seconds. The
 * PIN goes to the main process, which checks it against the scrypt hash and
 * enforces the lockout; the renderer never keeps it.
 */
export function StaffPinDialog() {
  const { t } = useT();
  const asking = useStaff((s) => s.asking);
  const ask = useStaff((s) => s.ask);
  const setRole = useStaff((s) => s.setRole);
  const go = useUi((s) => s.go);
  const [role, setSelected] = useState<StaffRole>('guide');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{
    key: MessageKey;
    params?: Record<string, number>;
  } | null>(null);
  const [busy, setBusy] = useState(false);

  const close = (): void => {
    setPin('');
    setMessage(null);
    ask(false);
  };
  const submit = async (): Promise<void> => {
    setBusy(true);
    const result = await kiosk.staffUnlock({ role, pin });
    setBusy(false);
    setPin('');
    if (result.ok) {
      setRole(result.value.role);
      close();
      // A technician goes to diagnostics. A guide helping a citizen stays on the
      // citizen's screen with the guide drawer beside it; with nobody being
      // served the guide lands on the application queue.
      if (result.value.role === 'technician') go({ name: 'diagnostics' });
      else if (useJourney.getState().rule === null) go({ name: 'queue' });
      return;
    }
    const { error } = result;
    switch (error.code) {
      case 'wrong_pin':
        setMessage({ key: 'staff.wrongPin', params: { n: error.facts.attemptsBeforeLockout } });
        return;
      case 'locked_out':
        setMessage({ key: 'staff.lockedOut', params: { seconds: error.facts.retryAfterSeconds } });
        return;
      case 'no_pin_configured':
      case 'bad_input':
      case 'internal':
      case 'staff_locked':
      case 'transport':
      case 'unknown_method':
        setMessage({ key: errorMessage(error.code) });
        return;
    }
  };

  return (
    <Dialog open={asking} labelledBy="staff-title" onCancel={close}>
      <h2 id="staff-title" className="dialog-title">
        {t('staff.title')}
      </h2>
      {ROLES.length > 1 && (
        <div className="staff-roles" role="radiogroup" aria-label={t('staff.role')}>
          {ROLES.map((r) => (
            <button
              type="button"
              key={r}
              role="radio"
              aria-checked={role === r}
              className={`toggle${role === r ? ' is-on' : ''}`}
              onClick={() => setSelected(r)}
            >
              {t(`staff.role.${r}`)}
            </button>
          ))}
        </div>
      )}
      <label className="staff-pin-label" htmlFor="staff-pin">
        {t('staff.pin')}
      </label>
      <input
        id="staff-pin"
        className="text-input staff-pin"
        type="password"
        inputMode="none"
        autoComplete="off"
        value={pin}
        maxLength={12}
        onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
      />
      {message !== null && (
        <p className="notice notice-error" role="alert">
          {t(message.key, message.params)}
        </p>
      )}
      <Keypad
        layout="digits"
        onKey={(key) => setPin((p) => (p + key).slice(0, 12))}
        onDelete={() => setPin((p) => p.slice(0, -1))}
        onClear={() => setPin('')}
      />
      <div className="dialog-actions dialog-actions-row">
        <button type="button" className="button button-secondary" onClick={close}>
          {t('staff.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={pin.length === 0 || busy}
          onClick={() => void submit()}
        >
          {t('staff.unlock')}
        </button>
      </div>
    </Dialog>
  );
}
