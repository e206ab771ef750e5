// The request lexicons on model output: kept, except that their sexual words alone are a low signal there.
import type { Finding } from '../types.js';

/** Marks a lexicon finding demoted on output (the audit shows the severity it had). */
export const DEMOTED = '; on output: low (was ';

/**
 * On a passage the sexual head judges sexual content; the lexicon's sexual words (anatomy, sex education) blocked
 * one benign moderation text in sixteen. Its other categories stay as they are (its hate and illicit patterns had no
 * false positive on the moderation texts).
 */
export function lexiconOnOutput(harm: readonly Finding[]): Finding[] {
  return harm.map((f) => (f.category === 'sexual' && f.severity !== 'low' && f.source.startsWith('lexicon') ? { ...f, severity: 'low', reason: `${f.reason}${DEMOTED}${f.severity})` } : f));
}

/** The finding as it was before the demotion (the eval's "before" column). */
export function undemoted(f: Finding): Finding {
  const at = f.reason.indexOf(DEMOTED);
  if (at < 0) return f;
  return { ...f, severity: f.reason.slice(at + DEMOTED.length, -1) as Finding['severity'], reason: f.reason.slice(0, at) };
}
