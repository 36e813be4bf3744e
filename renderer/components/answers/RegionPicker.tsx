import { useState } from 'react';
import { allProvinces, regionName, type City, type Province } from '../../../rules/data/regions';
import { useT } from '../../i18n';
import { INPUT_ID, type AnswerInputProps } from './answer-props';

/**
 * GB/T 2260 picker: province, then city (skipped where there is only one),
 * then county, each a grid of large buttons. A prefilled or chosen county
 * shows as one line with "choose again".
 */
export function RegionPicker({ value, prefilled, describedBy, onChange }: AnswerInputProps) {
  const { t } = useT();
  const [province, setProvince] = useState<Province | null>(null);
  const [city, setCity] = useState<City | null>(null);
  const chosen = value === '' ? null : regionName(value);

  if (chosen !== null && province === null) {
    return (
      <div className="typed">
        <div className="region-chosen" id={INPUT_ID} tabIndex={-1} aria-describedby={describedBy}>
          <span className="region-chosen-label">{t('region.chosen')}</span>
          <span className="region-chosen-name">{chosen}</span>
        </div>
        {prefilled && <p className="hint">{t('question.prefilled')}</p>}
        <button type="button" className="button button-secondary" onClick={() => onChange('')}>
          {t('region.rechoose')}
        </button>
      </div>
    );
  }

  const pickProvince = (p: Province): void => {
    setProvince(p);
    setCity(p.cities.length === 1 ? (p.cities[0] ?? null) : null);
  };
  const level = province === null ? 'province' : city === null ? 'city' : 'county';
  const items =
    level === 'province'
      ? allProvinces().map((p) => ({ key: p.code, name: p.name, pick: () => pickProvince(p) }))
      : level === 'city'
        ? (province?.cities ?? []).map((c) => ({
            key: c.code,
            name: c.name,
            pick: () => setCity(c),
          }))
        : (city?.counties ?? []).map((c) => ({
            key: c.code,
            name: c.name,
            pick: () => {
              setProvince(null);
              setCity(null);
              onChange(c.code);
            },
          }));
  const up = (): void => {
    if (level === 'county' && province !== null && province.cities.length > 1) setCity(null);
    else {
      setProvince(null);
      setCity(null);
    }
  };

  return (
    <div className="region-picker" id={INPUT_ID} tabIndex={-1} aria-describedby={describedBy}>
      <div className="region-head">
        <span className="region-step">{t(`region.${level}`)}</span>
        {province !== null && (
          <span className="region-path">
            {province.name}
            {city !== null && province.cities.length > 1 ? ` › ${city.name}` : ''}
          </span>
        )}
        {level !== 'province' && (
          <button type="button" className="button button-secondary region-up" onClick={up}>
            {t('region.back')}
          </button>
        )}
      </div>
      <div className="region-grid" role="group" aria-label={t(`region.${level}`)}>
        {items.map((item) => (
          <button type="button" className="region-item" key={item.key} onClick={item.pick}>
            {item.name}
          </button>
        ))}
      </div>
    </div>
  );
}
