import type { ReadinessWords } from '../../../core/readiness-words';
import type { MessageKey, Params } from '../../i18n';
import { deviceWord } from './device-words';

type Translate = (key: MessageKey, params?: Params) => string;

/**
 * A readiness line in the kiosk's language, from its words; a line without
 * words (a check a newer main process added) shows its English as it came.
 */
export function readinessLine(
  t: Translate,
  check: { readonly name: string; readonly detail: string; readonly words?: ReadinessWords },
): { readonly name: string; readonly detail: string } {
  const words = check.words;
  if (words === undefined) return { name: check.name, detail: check.detail };
  const params = words.params;
  if (words.detail === 'device') {
    const kind = String(params['kind'] ?? '');
    const fault = String(params['fault'] ?? '');
    return {
      name: t('diag.checkName.device', {
        id: String(params['id'] ?? ''),
        kind: t(`diag.kind.${kind}` as MessageKey),
      }),
      detail:
        t(`diag.state.${String(params['state'] ?? '')}` as MessageKey) +
        (fault === '' ? '' : `：${deviceWord(t, 'fault', fault)}`),
    };
  }
  return {
    name: t(`diag.checkName.${words.name}`),
    detail: t(`diag.check.${words.detail}`, params),
  };
}
