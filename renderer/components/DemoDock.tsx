import { useEffect, useState } from 'react';
import type { LocalText } from '../../rules/engine/schema';
import { kiosk } from '../api/kiosk';
import { useT } from '../i18n';

/**
 * Demo mode only (simulated devices): place a fictional card on the simulated
 * reader, take it away, or simulate a scan, so the whole journey runs without
 * hardware. Clearly marked, so no one mistakes a demo kiosk for a live one.
 */
export function DemoDock() {
  const { t, l } = useT();
  const [open, setOpen] = useState(true);
  const [cards, setCards] = useState<readonly { id: string; label: LocalText }[]>([]);
  const [scanText, setScanText] = useState('');
  // What lies on the simulated reader, as the kiosk's own events say: the demonstrator (and a test) sees it.
  // null until the kiosk has answered: a test (or a demonstrator) never acts on a guess.
  const [cardOnReader, setCardOnReader] = useState<boolean | null>(null);
  useEffect(() => {
    void kiosk.demoListCards({}).then((r) => {
      if (!r.ok) return;
      setCards(r.value.cards);
      setCardOnReader(r.value.cardOnReader);
    });
    const offs = [
      kiosk.on('cardPresent', () => setCardOnReader(true)),
      kiosk.on('cardRemoved', () => setCardOnReader(false)),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  if (!open) {
    return (
      <button type="button" className="demo-toggle" onClick={() => setOpen(true)}>
        {t('demo.expand')}
      </button>
    );
  }
  return (
    <aside className="demo-dock" aria-label={t('demo.title')}>
      <div className="demo-head">
        <strong>{t('demo.title')}</strong>
        <span className="demo-sub">{t('demo.subtitle')}</span>
      </div>
      <div className="demo-section" role="group" aria-labelledby="demo-place">
        <span className="demo-label" id="demo-place">
          {t('demo.place')}
        </span>
        {cards.map((card) => (
          <button
            type="button"
            className="demo-button"
            key={card.id}
            data-card={card.id}
            onClick={() => void kiosk.demoPlaceCard({ cardId: card.id })}
          >
            {l(card.label)}
          </button>
        ))}
        <button type="button" className="demo-button" onClick={() => void kiosk.demoRemoveCard({})}>
          {t('demo.remove')}
        </button>
        {cardOnReader !== null && (
          <span
            className="demo-reader"
            data-testid="demo-reader"
            data-card-on-reader={cardOnReader}
          >
            {t(cardOnReader ? 'demo.readerHasCard' : 'demo.readerEmpty')}
          </span>
        )}
      </div>
      <form
        className="demo-section demo-scan"
        onSubmit={(event) => {
          event.preventDefault();
          if (scanText.trim() !== '') void kiosk.demoScan({ text: scanText.trim() });
        }}
      >
        <input
          className="demo-input"
          value={scanText}
          aria-label={t('demo.scanPlaceholder')}
          placeholder={t('demo.scanPlaceholder')}
          onChange={(event) => setScanText(event.target.value)}
        />
        <button type="submit" className="demo-button">
          {t('demo.scan')}
        </button>
      </form>
      <button type="button" className="demo-button demo-collapse" onClick={() => setOpen(false)}>
        {t('demo.collapse')}
      </button>
    </aside>
  );
}
