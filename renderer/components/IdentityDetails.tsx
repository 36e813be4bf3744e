import type { Identity } from '../../electron/devices/idcard/identity';
import { maskIdNumber } from '../../rules/engine/id-number';
import { useT } from '../i18n';
import { formatDate } from '../format';

/** The card's details as a citizen checks them. The ID number is masked unless `fullIdNumber`. */
export function IdentityDetails({
  identity,
  fullIdNumber,
}: {
  readonly identity: Identity;
  readonly fullIdNumber: boolean;
}) {
  const { t, locale } = useT();
  const validTo =
    identity.validTo === '长期' ? t('idcard.longTerm') : formatDate(identity.validTo, locale);
  const rows: [string, string][] = [
    [t('idcard.name'), identity.name],
    [t('idcard.sex'), t(`idcard.sex.${identity.sex}` as const)],
    ...(identity.nation === undefined
      ? []
      : ([[t('idcard.nation'), identity.nation]] as [string, string][])),
    [t('idcard.birthDate'), formatDate(identity.birthDate, locale)],
    ...(identity.address === undefined
      ? []
      : ([[t('idcard.address'), identity.address]] as [string, string][])),
    [t('idcard.idNumber'), fullIdNumber ? identity.idNumber : maskIdNumber(identity.idNumber)],
    [t('idcard.validity'), `${formatDate(identity.validFrom, locale)} – ${validTo}`],
  ];
  return (
    <div className="identity">
      <div className="identity-photo" aria-label={t('idcard.photo')} role="img">
        <svg viewBox="0 0 102 126" aria-hidden="true" focusable="false">
          <rect width="102" height="126" fill="#dbe5f3" />
          <circle cx="51" cy="48" r="22" fill="#9fb6d8" />
          <path d="M12 126c4-26 20-38 39-38s35 12 39 38z" fill="#9fb6d8" />
        </svg>
        <span>{t('idcard.photoPlaceholder')}</span>
      </div>
      <dl className="identity-fields">
        {rows.map(([label, value]) => (
          <div className="identity-row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
