// Removes request fields and headers with which a client tries to choose or weaken moderation or prompt revision.
// The request is judged by server policy only; what was removed is recorded.

/** Body fields (top level, case-insensitive). `moderation` is a real OpenAI images field ("low" weakens it). */
const FIELDS =
  /^(?:moderation|moderation_level|safety|safety_level|safety_settings|safe_mode|safe_prompt|safety_checker|content_filter\w*|content_policy|contentfilter\w*|guardrails?\w*|filter_level|disable_\w*(?:safety|filter|moderation|revision|rewrite)\w*|(?:prompt_)?revision|revise_prompt|rewrite_prompt|prompt_rewrite|no_revision|raw_prompt|style_preset_bypass)$/i;

/** Headers that pick a content-filter configuration or guardrail (Azure `x-policy-id`, vendor guardrail headers). */
const HEADERS =
  /^(?:x-policy-id|x-ms-content-filter\S*|x-content-filter\S*|x-moderation\S*|x-safety\S*|x-guardrail\S*|x-guardrails\S*|x-portkey-guardrails?|x-\S*-guardrails?(?:-\S*)?|x-filter-level|x-openai-moderation\S*)$/i;

export interface OverrideStrip {
  readonly fields: string[];
  readonly headers: string[];
}

/** Strips in place (the body is forwarded, headers are not, but are removed so no later stage can honour them). */
export function stripClientOverrides(body: Record<string, unknown> | undefined, headers: Record<string, unknown>): OverrideStrip {
  const fields: string[] = [];
  if (body) {
    for (const k of Object.keys(body)) {
      if (FIELDS.test(k)) {
        fields.push(k);
        delete body[k];
      }
    }
    // Azure "data sources" and extensions can carry their own filter settings; only the flag is removed.
    const ext = body['extra_body'];
    if (ext && typeof ext === 'object')
      for (const k of Object.keys(ext))
        if (FIELDS.test(k)) {
          fields.push(`extra_body.${k}`);
          delete (ext as Record<string, unknown>)[k];
        }
  }
  const hs: string[] = [];
  for (const h of Object.keys(headers)) {
    if (HEADERS.test(h)) {
      hs.push(h.toLowerCase());
      delete headers[h];
    }
  }
  return { fields, headers: hs };
}
