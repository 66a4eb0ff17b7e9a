// Dates written the ISO way (YYYY-MM-DD): --date, the kehoach.planDate setting, "planDate" and
// registry dates in .kehoach.json and data/. One pattern for all of them.

import type { Ymd } from './model';

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-01-10" → {2026, 1, 10}; anything else → undefined (the form only, not the calendar). */
export function parseIsoDate(s: string | undefined): Ymd | undefined {
  const m = s && ISO_DATE.exec(s);
  return m ? { year: +m[1], month: +m[2], day: +m[3] } : undefined;
}

/** Whether a string is an ISO date that names a real day ("2026-02-30" is not). */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && ISO_DATE.test(s) && !isNaN(Date.parse(s));
}
