import type { Identity } from '../../core/identity';
import { maskIdNumber } from '../../rules/engine/id-number';
import { useT } from '../i18n';
import { identityRows } from './identity-rows';
import { useCardPhoto } from './use-card-photo';

/** The card's details as a citizen checks them. The ID number is masked unless `fullIdNumber`. */
export function IdentityDetails({
  identity,
  fullIdNumber,
}: {
  readonly identity: Identity;
  readonly fullIdNumber: boolean;
}) {
  const { t, locale } = useT();
  const rows = identityRows(
    identity,
    t,
    locale,
    fullIdNumber ? identity.idNumber : maskIdNumber(identity.idNumber),
  );
  const photo = useCardPhoto(identity);
  return (
    <div className="identity" data-personal>
      {photo !== null ? (
        <div className="identity-photo">
          <img src={photo} alt={t('idcard.photo')} data-testid="card-photo" />
        </div>
      ) : (
        <div className="identity-photo" aria-label={t('idcard.photo')} role="img">
          <svg viewBox="0 0 102 126" aria-hidden="true" focusable="false">
            <rect width="102" height="126" fill="#dbe5f3" />
            <circle cx="51" cy="48" r="22" fill="#9fb6d8" />
            <path d="M12 126c4-26 20-38 39-38s35 12 39 38z" fill="#9fb6d8" />
          </svg>
          <span>{t('idcard.photoPlaceholder')}</span>
        </div>
      )}
      <dl className="identity-fields">
        {rows.map((row) => (
          <div className="identity-row" key={row.field}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
