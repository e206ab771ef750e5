// Azure content-filter annotations: prompt_filter_results and per-choice content_filter_results.
import type { HarmCategory } from './types.js';

type Severity = 'safe' | 'low' | 'medium' | 'high';
const sev = (filtered: boolean, severity: Severity) => ({ filtered, severity });
const detected = (filtered: boolean) => ({ filtered, detected: filtered });

/** Prompt annotations; `flag` marks one category filtered (medium), as a blocked prompt reports. */
export function promptFilterResults(flag?: HarmCategory): Record<string, object> {
  const harm = (c: HarmCategory) => (flag === c ? sev(true, 'medium') : sev(false, 'safe'));
  return {
    hate: harm('hate'),
    jailbreak: detected(flag === 'jailbreak'),
    self_harm: harm('self_harm'),
    sexual: harm('sexual'),
    violence: harm('violence'),
  };
}

/** Completion annotations for one choice (Azure adds protected-material checks on output). */
export function choiceFilterResults(): Record<string, object> {
  return {
    hate: sev(false, 'safe'),
    protected_material_code: detected(false),
    protected_material_text: detected(false),
    self_harm: sev(false, 'safe'),
    sexual: sev(false, 'safe'),
    violence: sev(false, 'safe'),
  };
}

/** The top-level array Azure adds to chat answers (and the first stream chunk). */
export function promptFilterArray(): object[] {
  return [{ prompt_index: 0, content_filter_results: promptFilterResults() }];
}
