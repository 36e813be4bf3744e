export { formatDate, formatDateTime, formatFee, maskName } from '../rules/engine/text-format';
export { aside } from '../core/i18n';
