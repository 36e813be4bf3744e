import { useState } from 'react';
import { useT } from '../i18n';
import { endJourney } from '../state/actions';
import { Dialog } from './Dialog';

/** "Home" during a journey: asks before throwing away what the citizen entered. */
export function HomeButton() {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        {t('app.home')}
      </button>
      <Dialog open={asking} labelledBy="leave-title" onCancel={() => setAsking(false)}>
        <h2 id="leave-title" className="dialog-title">
          {t('leave.title')}
        </h2>
        <p className="dialog-body">{t('leave.body')}</p>
        <div className="dialog-actions">
          <button
            type="button"
            className="button button-primary"
            autoFocus
            onClick={() => setAsking(false)}
          >
            {t('leave.stay')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setAsking(false);
              void endJourney('cancelled');
            }}
          >
            {t('leave.confirm')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
