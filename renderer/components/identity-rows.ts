import type { Identity } from '../../core/identity';
import { formatDate } from '../format';
import { hasMessage, type Locale, type useT } from '../i18n';

export type IdentityField =
  | 'name'
  | 'nameEn'
  | 'sex'
  | 'nation'
  | 'nationality'
  | 'birthDate'
  | 'address'
  | 'idNumber'
  | 'validity';

/** The nation in the screen's language (Han, Zang (Tibetan) …); as printed when unknown. */
function nationName(
  nation: string | undefined,
  t: ReturnType<typeof useT>['t'],
): string | undefined {
  if (nation === undefined) return undefined;
  const key = `nation.${nation}`;
  return hasMessage(key) ? t(key) : nation;
}

/**
 * The card's details as label/value rows, in the card's order; `idNumber`
 * says how the number is shown (masked, full, or digit by digit for speech).
 */
export function identityRows(
  identity: Identity,
  t: ReturnType<typeof useT>['t'],
  locale: Locale,
  idNumber: string,
): { field: IdentityField; label: string; value: string }[] {
  const validTo =
    identity.validTo === '长期' ? t('idcard.longTerm') : formatDate(identity.validTo, locale);
  const rows: { field: IdentityField; label: string; value: string | undefined }[] = [
    { field: 'name', label: t('idcard.name'), value: identity.name || undefined },
    { field: 'nameEn', label: t('idcard.nameEn'), value: identity.nameEn },
    { field: 'sex', label: t('idcard.sex'), value: t(`idcard.sex.${identity.sex}` as const) },
    { field: 'nation', label: t('idcard.nation'), value: nationName(identity.nation, t) },
    { field: 'nationality', label: t('idcard.nationality'), value: identity.nationality },
    {
      field: 'birthDate',
      label: t('idcard.birthDate'),
      value: formatDate(identity.birthDate, locale),
    },
    { field: 'address', label: t('idcard.address'), value: identity.address },
    { field: 'idNumber', label: t('idcard.idNumber'), value: idNumber },
    {
      field: 'validity',
      label: t('idcard.validity'),
      value: `${formatDate(identity.validFrom, locale)} – ${validTo}`,
    },
  ];
  return rows.flatMap((row) => (row.value === undefined ? [] : [{ ...row, value: row.value }]));
}
