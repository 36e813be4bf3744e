import type { Identity } from '../../core/identity';
import { useT } from '../i18n';
import { detailsSpeech } from '../voice/details-speech';
import { sayPersonal, useFreeTextVoice } from '../voice/speaker';

/**
 * "读出我的信息": the one way the kiosk says a citizen's details aloud, when
 * they ask. Shown only where the system has a speech voice for the language
 * (the pre-generated recordings cannot hold anyone's name).
 */
export function ReadMyDetails({ identity }: { readonly identity: Identity }) {
  const { t, locale } = useT();
  const available = useFreeTextVoice(locale);
  if (!available) return null;
  return (
    <button
      type="button"
      className="button button-secondary read-details"
      onClick={() => sayPersonal(detailsSpeech(identity, t, locale))}
    >
      {t('assist.readMyDetails')}
    </button>
  );
}
