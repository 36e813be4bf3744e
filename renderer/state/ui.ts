import { create } from 'zustand';
import type { KioskInfo, ServiceSummary } from '../../core/api/contract';
import type { Locale } from '../i18n/locale';
import { calendarFrom, type HolidayCalendar } from '../../rules/engine/workdays';

/** Which screen is showing. Journey screens read their data from the journey store. */
export type Screen =
  | { readonly name: 'home' }
  | { readonly name: 'guide'; readonly serviceId: string }
  | { readonly name: 'idcard' }
  | { readonly name: 'question'; readonly questionId: string }
  | { readonly name: 'materials' }
  | { readonly name: 'review' }
  /** 缴费 at the kiosk, after the application was stored (items the station takes the fee for). */
  | { readonly name: 'payment' }
  | { readonly name: 'slip' }
  | { readonly name: 'diagnostics' }
  /** Slip lookup; `scanned` is a code read on another screen (e.g. the slip's QR scanned at home). */
  | { readonly name: 'status'; readonly scanned?: string }
  | { readonly name: 'queue' }
  | { readonly name: 'camera'; readonly materialId: string }
  /** 人证核验 after the card, or the 证件照 from the materials. */
  | { readonly name: 'face'; readonly purpose: 'verify' | 'photo' };

/** Non-personal UI state: safe to outlive a session. Never put identity or answers here. */
interface UiState {
  readonly locale: Locale;
  readonly screen: Screen;
  readonly info: KioskInfo | null;
  readonly services: readonly ServiceSummary[];
  /** The rules' holiday calendar, from the main process: due dates on screen match the slip's. */
  readonly calendar: HolidayCalendar;
  readonly setLocale: (locale: Locale) => void;
  readonly go: (screen: Screen) => void;
  readonly setKiosk: (info: KioskInfo, services: readonly ServiceSummary[]) => void;
  /** A session ended with the card still on the reader: "请取走您的身份证" until it is lifted. */
  readonly takeCard: boolean;
  readonly setTakeCard: (takeCard: boolean) => void;
  /** A code scanned on the home screen that is no application receipt's: said, not ignored. */
  readonly foreignCode: boolean;
  readonly setForeignCode: (foreignCode: boolean) => void;
}

export const useUi = create<UiState>((set) => ({
  locale: 'zh-CN',
  screen: { name: 'home' },
  info: null,
  services: [],
  calendar: calendarFrom([]),
  setLocale: (locale) => set({ locale }),
  go: (screen) => set({ screen }),
  setKiosk: (info, services) =>
    set({ info, services, locale: info.defaultLocale, calendar: calendarFrom(info.calendar) }),
  takeCard: false,
  setTakeCard: (takeCard) => set({ takeCard }),
  foreignCode: false,
  setForeignCode: (foreignCode) => set({ foreignCode }),
}));
