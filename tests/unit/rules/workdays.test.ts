import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../../shipped-calendar';
import { ageOn, todayInChina } from '../../../base/dates';
import { dueDate, isWorkingDay } from '../../../rules/engine/workdays';

const holidayCalendar = shippedCalendar();

describe('working days with the 2026 holiday arrangement', () => {
  it('skips weekends', () => {
    expect(dueDate('2026-11-27', 7, holidayCalendar).date).toBe('2026-12-08');
    expect(dueDate('2026-11-27', 1, holidayCalendar).date).toBe('2026-11-30');
  });

  it('skips National Day and counts the make-up Saturday (10月10日调休上班)', () => {
    expect(isWorkingDay('2026-10-10', holidayCalendar)).toBe(true);
    expect(isWorkingDay('2026-10-05', holidayCalendar)).toBe(false);
    expect(dueDate('2026-09-30', 3, holidayCalendar).date).toBe('2026-10-10');
  });

  it('counts the Sunday make-up day before National Day (9月20日)', () => {
    expect(dueDate('2026-09-19', 1, holidayCalendar).date).toBe('2026-09-20');
  });

  it('crosses the Spring Festival break with its make-up Saturday', () => {
    expect(dueDate('2026-02-13', 1, holidayCalendar).date).toBe('2026-02-14');
    expect(dueDate('2026-02-13', 2, holidayCalendar).date).toBe('2026-02-24');
  });

  it('treats 0 working days as the same day (当场办结)', () => {
    expect(dueDate('2026-10-03', 0, holidayCalendar)).toEqual({
      date: '2026-10-03',
      certain: true,
    });
  });

  it('says when a count runs past the last year the kiosk knows', () => {
    expect(dueDate('2026-12-28', 7, holidayCalendar).certain).toBe(false);
  });
});

describe('dates', () => {
  it("uses China's date, not the machine's time zone", () => {
    expect(todayInChina(new Date('2026-11-27T17:30:00Z'))).toBe('2026-11-28');
    expect(todayInChina(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27');
  });
  it('counts completed years, birthday included', () => {
    expect(ageOn('2010-11-27', '2026-11-27')).toBe(16);
    expect(ageOn('2010-11-28', '2026-11-27')).toBe(15);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });
});
