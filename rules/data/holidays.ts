import { calendarFrom, type HolidayCalendar } from '../engine/workdays';
import y2026 from './holidays-2026.json';
import y2027 from './holidays-2027.json';

/** Every year the kiosk knows. Add next year's file here when the State Council publishes it. */
export const holidayCalendar: HolidayCalendar = calendarFrom([y2026, y2027]);
