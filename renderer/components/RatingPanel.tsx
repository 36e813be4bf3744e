import { useState } from 'react';
import {
  isBadRating,
  RATING_REASONS,
  RATINGS,
  type Rating,
  type RatingReason,
} from '../../core/ratings';
import { errorMessage } from '../api/error-messages';
import { kiosk } from '../api/kiosk';
import { useT, type MessageKey } from '../i18n';
import { Keypad } from './Keypad';

type Phase = 'choose' | 'reasons' | 'thanks';

const STARS: Record<Rating, number> = {
  very_satisfied: 5,
  satisfied: 4,
  basically_satisfied: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
};

/**
 * 好差评 on the slip: one tap in the five levels of 国办发〔2019〕51号; on a 差评
 * the standard reasons and, only with consent, a number to call back. Never in
 * the way: the citizen may leave without rating, and nothing waits on it.
 */
export function RatingPanel() {
  const { t } = useT();
  const [phase, setPhase] = useState<Phase>('choose');
  const [rating, setRating] = useState<Rating | null>(null);
  const [reasons, setReasons] = useState<readonly RatingReason[]>([]);
  const [callback, setCallback] = useState(false);
  const [phone, setPhone] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (chosen: Rating, withReasons: readonly RatingReason[]): Promise<void> => {
    setBusy(true);
    setProblem(null);
    const sent = await kiosk.rateService({
      rating: chosen,
      reasons: [...withReasons],
      callback: callback && isBadRating(chosen) ? { phone, consent: true } : null,
    });
    setBusy(false);
    if (sent.ok || sent.error.code === 'already_rated') setPhase('thanks');
    else
      setProblem(
        sent.error.code === 'bad_input' ? 'rating.phoneInvalid' : errorMessage(sent.error.code),
      );
  };

  if (phase === 'thanks')
    return (
      <section className="rating" aria-labelledby="rating-title" data-testid="rating">
        <h2 id="rating-title" className="block-title">
          {t('rating.title')}
        </h2>
        <p className="notice notice-ok" role="status">
          {t('rating.thanks')}
        </p>
      </section>
    );

  return (
    <section className="rating" aria-labelledby="rating-title" data-testid="rating">
      <h2 id="rating-title" className="block-title">
        {t('rating.title')}
      </h2>
      <p className="hint">{t('rating.lead')}</p>
      <div className="rating-levels" role="group" aria-label={t('rating.title')}>
        {RATINGS.map((level) => (
          <button
            type="button"
            key={level}
            className={`button rating-level${rating === level ? ' button-primary' : ' button-secondary'}`}
            aria-pressed={rating === level}
            data-rating={level}
            disabled={busy}
            onClick={() => {
              setRating(level);
              if (isBadRating(level)) setPhase('reasons');
              else void send(level, []);
            }}
          >
            <span className="rating-stars" aria-hidden="true">
              {'★'.repeat(STARS[level])}
              {'☆'.repeat(5 - STARS[level])}
            </span>
            <span>{t(`rating.level.${level}`)}</span>
          </button>
        ))}
      </div>
      {phase === 'reasons' && rating !== null && (
        <div className="rating-reasons">
          <p>{t('rating.reasonsLead')}</p>
          <div className="rating-reason-list" role="group" aria-label={t('rating.reasonsLead')}>
            {RATING_REASONS.map((reason) => {
              const on = reasons.includes(reason);
              return (
                <button
                  type="button"
                  key={reason}
                  className={`button rating-reason${on ? ' button-primary' : ' button-secondary'}`}
                  aria-pressed={on}
                  data-reason={reason}
                  onClick={() =>
                    setReasons(on ? reasons.filter((r) => r !== reason) : [...reasons, reason])
                  }
                >
                  {t(`rating.reason.${reason}`)}
                </button>
              );
            })}
          </div>
          <button
            type="button"
            className={`button rating-callback${callback ? ' button-primary' : ' button-secondary'}`}
            aria-pressed={callback}
            data-testid="rating-callback"
            onClick={() => setCallback(!callback)}
          >
            {t('rating.callback')}
          </button>
          {callback && (
            <div className="rating-phone">
              <p className="hint">{t('rating.callbackConsent')}</p>
              <p className="rating-phone-value" dir="ltr" aria-live="polite">
                {phone === '' ? t('rating.phonePlaceholder') : phone}
              </p>
              <Keypad
                layout="digits"
                onKey={(key) => setPhone((p) => (p.length < 11 ? p + key : p))}
                onDelete={() => setPhone((p) => p.slice(0, -1))}
                onClear={() => setPhone('')}
              />
            </div>
          )}
          {problem !== null && (
            <p className="notice notice-error" role="alert">
              {t(problem)}
            </p>
          )}
          <button
            type="button"
            className="button button-primary rating-submit"
            disabled={busy}
            onClick={() => void send(rating, reasons)}
          >
            {t('rating.submit')}
          </button>
        </div>
      )}
    </section>
  );
}
