// Old-style tone placement ("hoá", "Uỷ") and new style ("hóa", "Ủy") are both correct Vietnamese;
// names compare equal under either. Lower-case input; for keys and comparisons, never display.

export const OLD_TONE_PLACEMENT: Readonly<Record<string, string>> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const OLD_TONE_RE = /o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]/g;

/** "hoá" → "hóa", "uỷ" → "ủy" (lower-case text). */
export function foldTonePlacement(lower: string): string {
  return lower.replace(OLD_TONE_RE, (m) => OLD_TONE_PLACEMENT[m] ?? m);
}
