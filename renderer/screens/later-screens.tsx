import { createElement, useEffect, useState, type ComponentType } from 'react';

/** How long a screen whose code could not be fetched waits before it asks again. */
const RETRY_MS = 1000;

/** Every later screen's fetch, in the order declared below (the journey's first). */
const preloads: (() => Promise<void>)[] = [];

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
  preloads.push(preload);
  return Later;
}

export const GuideScreen = later(() => import('./GuideScreen').then((m) => m.GuideScreen));
export const IdCardScreen = later(() => import('./IdCardScreen').then((m) => m.IdCardScreen));
export const QuestionScreen = later(() => import('./QuestionScreen').then((m) => m.QuestionScreen));
export const MaterialsScreen = later(() =>
  import('./MaterialsScreen').then((m) => m.MaterialsScreen),
);
export const ReviewScreen = later(() => import('./ReviewScreen').then((m) => m.ReviewScreen));
export const PaymentScreen = later(() => import('./PaymentScreen').then((m) => m.PaymentScreen));
export const SlipScreen = later(() => import('./SlipScreen').then((m) => m.SlipScreen));
export const StatusScreen = later(() => import('./StatusScreen').then((m) => m.StatusScreen));
export const CameraScreen = later(() => import('./CameraScreen').then((m) => m.CameraScreen));
export const FaceScreen = later(() => import('./FaceScreen').then((m) => m.FaceScreen));
export const DiagnosticsScreen = later(() =>
  import('./staff/DiagnosticsScreen').then((m) => m.DiagnosticsScreen),
);
export const QueueScreen = later(() => import('./staff/QueueScreen').then((m) => m.QueueScreen));

/** Fetches every later screen, the journey's first; a failed one is fetched again when shown. */
export function preloadLaterScreens(): void {
  for (const preload of preloads) preload().catch(() => undefined);
}
