import { useEffect, useRef, useState } from 'react';
import { loadIme } from './keyboard/load-ime';
import { useAudioOnly } from './audio/use-audio-only';
import { assertNever } from '../base/assert-never';
import { AssistBar } from './components/AssistBar';
import { DemoDock } from './components/DemoDock';
import { GuidePanel } from './components/GuidePanel';
import { Header } from './components/Header';
import { IdleGuard } from './components/IdleGuard';
import { JourneyStepper } from './components/JourneyStepper';
import { ScrollCue } from './components/ScrollCue';
import { useT } from './i18n';
import { directionOf } from './i18n/locale';
import { HomeScreen } from './screens/HomeScreen';
import {
  CameraScreen,
  DiagnosticsScreen,
  FaceScreen,
  GuideScreen,
  IdCardScreen,
  MaterialsScreen,
  PaymentScreen,
  preloadLaterScreens,
  QueueScreen,
  QuestionScreen,
  ReviewScreen,
  SlipScreen,
  StatusScreen,
} from './screens/later-screens';
import { useSlipScanAtHome } from './devices/use-scanned-code';
import { StaffPinDialog } from './components/StaffPinDialog';
import { TakeCardPrompt } from './components/TakeCardPrompt';
import { kiosk } from './api/kiosk';
import { useFollowed } from './api/use-followed';
import { useAssist } from './state/assist';
import { useStaff } from './state/staff';
import { useDevices } from './state/devices';
import { useHelp } from './state/help';
import { useJourney } from './state/journey';
import { loadKiosk, takeKioskLoad } from './state/actions';
import { loadPassportPinyin } from './state/passport-pinyin';
import { useUi, type Screen } from './state/ui';

function CurrentScreen({ screen }: { readonly screen: Screen }) {
  switch (screen.name) {
    case 'home':
      return <HomeScreen />;
    case 'guide':
      return <GuideScreen serviceId={screen.serviceId} />;
    case 'idcard':
      return <IdCardScreen />;
    case 'question':
      return <QuestionScreen key={screen.questionId} questionId={screen.questionId} />;
    case 'materials':
      return <MaterialsScreen />;
    case 'review':
      return <ReviewScreen />;
    case 'payment':
      return <PaymentScreen />;
    case 'slip':
      return <SlipScreen />;
    case 'diagnostics':
      return <DiagnosticsScreen />;
    case 'status':
      return <StatusScreen scanned={screen.scanned ?? null} />;
    case 'queue':
      return <QueueScreen />;
    case 'camera':
      return <CameraScreen materialId={screen.materialId} />;
    case 'face':
      return <FaceScreen purpose={screen.purpose} />;
    default:
      return assertNever(screen, 'screen');
  }
}

/** Screen key: a new screen remounts, so focus, scroll and local state start fresh. */
const screenKey = (screen: Screen): string =>
  screen.name === 'question'
    ? `question:${screen.questionId}`
    : screen.name === 'guide'
      ? `guide:${screen.serviceId}`
      : screen.name === 'face'
        ? `face:${screen.purpose}`
        : screen.name;

/** `loaded`: the kiosk's identity and services are in already (index.html carried them). */
export function App({ loaded }: { readonly loaded: boolean }) {
  const { t, locale } = useT();
  const screen = useUi((s) => s.screen);
  const info = useUi((s) => s.info);
  const takeCard = useUi((s) => s.takeCard);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>(
    loaded ? 'ready' : 'loading',
  );

  useEffect(() => {
    if (status === 'loading') void takeKioskLoad().then((ok) => setStatus(ok ? 'ready' : 'failed'));
  }, [status]);
  useEffect(() => {
    document.documentElement.lang = locale;
    // Uyghur reads right to left: the layout mirrors (kiosk.css uses logical sides throughout).
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  // Newer signed rules were applied between sessions: the next citizen sees their services and fees.
  useEffect(() => kiosk.on('rulesChanged', () => void loadKiosk()), []);
  useEffect(() => {
    // The later screens, the keyboard's dictionary and passport pinyin, once the first
    // screen is drawn and before anyone needs them.
    if (status === 'ready')
      setTimeout(() => {
        preloadLaterScreens();
        // A failed fetch is retried when the keyboard or a pinyin question needs it.
        loadIme().catch(() => undefined);
        loadPassportPinyin().catch(() => undefined);
      }, 500);
  }, [status]);
  const elder = useAssist((s) => s.elder);
  useEffect(() => {
    // One switch for the whole page: every size, spacing and colour in kiosk.css follows it.
    document.documentElement.dataset['mode'] = elder ? 'elder' : 'normal';
  }, [elder]);
  const audioOnly = useAssist((s) => s.audioOnly);
  const screenDark = useAssist((s) => s.audioOnly && s.screenDark);
  useEffect(() => {
    // Dark for privacy: everything but the note for staff is drawn black (kiosk.css).
    document.documentElement.dataset['screenDark'] = String(screenDark);
  }, [screenDark]);
  useAudioOnly();
  const staffScreen = screen.name === 'diagnostics' || screen.name === 'queue';
  const mainRef = useRef<HTMLElement>(null);
  const fillOnBehalf = useJourney((s) => s.assistance?.fillOnBehalf === true);
  useSlipScanAtHome();
  useFollowed(
    'helpRequest',
    () => kiosk.getHelpRequest({}),
    useHelp((s) => s.setRequest),
  );
  useFollowed(
    'devicesChanged',
    () => kiosk.listDevices({}),
    useDevices((s) => s.setDevices),
  );
  // The main process ends a sign-in with its citizen session (or when it lapses): the drawer and staff screens go with it.
  useFollowed(
    'staffChanged',
    () => kiosk.staffStatus({}),
    useStaff((s) => s.follow),
  );

  return (
    <div className="app">
      {/* Behind the take-your-card prompt nothing can be touched: the owner's session is over, the next one has not begun. */}
      <div className="app-content" inert={takeCard}>
        <Header />
        {status === 'ready' && !staffScreen && <AssistBar />}
        {status === 'ready' && <JourneyStepper />}
        {fillOnBehalf && !staffScreen && (
          <p className="notice guide-banner" role="status">
            {t('guide.banner')}
          </p>
        )}
        <main className="main" id="main" ref={mainRef}>
          {status === 'loading' && <p className="screen-lead">{t('app.loading')}</p>}
          {status === 'failed' && (
            <div className="screen">
              <p className="notice notice-error" role="alert">
                {t('app.startFailed')}
              </p>
              <button
                type="button"
                className="button button-primary"
                onClick={() => setStatus('loading')}
              >
                {t('app.retry')}
              </button>
            </div>
          )}
          {status === 'ready' && <CurrentScreen key={screenKey(screen)} screen={screen} />}
        </main>
        {/* The journey screens have their action bar at the foot; the home screen has only its tiles. */}
        {status === 'ready' && screen.name === 'home' && <ScrollCue scroller={mainRef} />}
      </div>
      {audioOnly && (
        <p className="audio-only-note" data-testid="audio-only-note">
          {t(screenDark ? 'audio.dark' : 'audio.badge')}
        </p>
      )}
      <TakeCardPrompt />
      {info?.demo === true && <DemoDock />}
      <GuidePanel />
      <IdleGuard />
      <StaffPinDialog />
    </div>
  );
}
