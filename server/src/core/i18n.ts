// Messages are Vietnamese first, English available. A core message is a pair; output picks one.

export type Locale = 'vi' | 'en';

export interface Text {
  vi: string;
  en: string;
}

export function t(vi: string, en: string): Text {
  return { vi, en };
}

export function localize(text: Text, locale: Locale): string {
  return locale === 'en' ? text.en : text.vi;
}

/** Pick a locale from an editor/OS locale string ("vi", "en-US", …); Vietnamese by default. */
export function localeFrom(tag: string | undefined): Locale {
  return tag && /^en\b/i.test(tag) ? 'en' : 'vi';
}
