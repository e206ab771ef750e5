// Compositional pattern sources: a rare anchor word with other parts near it, before or after, in any order
// ("drops" + "in her drink" + "won't remember"), instead of whole phrases that a rephrasing walks past.

/**
 * A regex source: `anchor`, with each of `parts` within `n` characters of it on either side. The anchor comes first,
 * so the lookarounds are tried only where it matches (the needle gate of the pattern should hold the anchor's words).
 */
export function around(anchor: string, parts: readonly string[], n = 80): string {
  return `${anchor}${parts.map((p) => `(?:(?<=${p}[\\s\\S]{0,${n}})|(?=[\\s\\S]{0,${n}}?${p}))`).join('')}`;
}

/** As `around`, but none of `not` may stand within `n` characters (history, prevention, a story about it). */
export function aroundUnless(anchor: string, parts: readonly string[], not: string, n = 80): string {
  return `${around(anchor, parts, n)}(?<!${not}[\\s\\S]{0,${n * 2}})(?![\\s\\S]{0,${n}}?${not})`;
}
