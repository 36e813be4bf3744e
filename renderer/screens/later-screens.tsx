import { createElement, useEffect, useState, type ComponentType } from 'react';

/** How long a screen whose code could not be fetched waits before it asks again. */
const RETRY_MS = 1000;

/**
 * A screen fetched after the home screen is drawn: before a citizen can tap, the kiosk
 * compiles only the first screen's code, and the rest arrives while they read the tiles
 * (`preloadLaterScreens`). Rendered before it has arrived (a tap in the first moments),
 * it draws nothing until it has, then itself, asking again every second if a fetch failed.
 */
function later<P extends object>(load: () => Promise<ComponentType<P>>) {
  let component: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (loading ??= load().then(
      (loaded) => {
        component = loaded;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  function Later(props: P) {
    const [attempt, setAttempt] = useState(0);
    const [, setArrived] = useState(component !== null);
    useEffect(() => {
      // It may have arrived between this render and now: draw it.
      if (component !== null) {
        setArrived(true);
        return undefined;
      }
      let retry: ReturnType<typeof setTimeout> | undefined;
      preload().then(
        () => setArrived(true),
        () => {
          retry = setTimeout(() => setAttempt(attempt + 1), RETRY_MS);
        },
      );
      return () => clearTimeout(retry);
    }, [attempt]);
    return component === null ? null : createElement(component, props);
  }
  return { Later, preload };
}

const guide = later(() => import('./GuideScreen').then((m) => m.GuideScreen));
const idCard = later(() => import('./IdCardScreen').then((m) => m.IdCardScreen));
const question = later(() => import('./QuestionScreen').then((m) => m.QuestionScreen));
const materials = later(() => import('./MaterialsScreen').then((m) => m.MaterialsScreen));
const review = later(() => import('./ReviewScreen').then((m) => m.ReviewScreen));
const payment = later(() => import('./PaymentScreen').then((m) => m.PaymentScreen));
const slip = later(() => import('./SlipScreen').then((m) => m.SlipScreen));
const status = later(() => import('./StatusScreen').then((m) => m.StatusScreen));
const camera = later(() => import('./CameraScreen').then((m) => m.CameraScreen));
const face = later(() => import('./FaceScreen').then((m) => m.FaceScreen));
const diagnostics = later(() =>
  import('./staff/DiagnosticsScreen').then((m) => m.DiagnosticsScreen),
);
const queue = later(() => import('./staff/QueueScreen').then((m) => m.QueueScreen));

export const GuideScreen = guide.Later;
export const IdCardScreen = idCard.Later;
export const QuestionScreen = question.Later;
export const MaterialsScreen = materials.Later;
export const ReviewScreen = review.Later;
export const PaymentScreen = payment.Later;
export const SlipScreen = slip.Later;
export const StatusScreen = status.Later;
export const CameraScreen = camera.Later;
export const FaceScreen = face.Later;
export const DiagnosticsScreen = diagnostics.Later;
export const QueueScreen = queue.Later;

/** Fetches every later screen, the journey's first; a failed one is fetched again when shown. */
export function preloadLaterScreens(): void {
  for (const screen of [
    guide,
    idCard,
    question,
    materials,
    review,
    payment,
    slip,
    status,
    camera,
    face,
    diagnostics,
    queue,
  ])
    screen.preload().catch(() => undefined);
}
