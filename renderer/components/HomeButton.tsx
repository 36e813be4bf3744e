import { useState } from 'react';
import { useT } from '../i18n';
import { endJourney } from '../state/actions';
import { ConfirmDialog } from './ConfirmDialog';

/** "Home" during a journey: asks before throwing away what the citizen entered. */
export function HomeButton() {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-secondary home-button"
        onClick={() => setAsking(true)}
      >
        {t('app.home')}
      </button>
      <ConfirmDialog
        open={asking}
        id="leave-title"
        title={t('leave.title')}
        body={t('leave.body')}
        stay={t('leave.stay')}
        confirm={t('leave.confirm')}
        onStay={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          void endJourney('cancelled');
        }}
      />
    </>
  );
}
