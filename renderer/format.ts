export { formatDate, formatDateTime, formatFee, maskName } from '../base/text-format';
export { aside } from '../core/i18n';
