// Homoglyph tables: letters from other scripts that look like Latin, and leetspeak digits/symbols.

/** Cyrillic, Greek and a few other look-alikes (after NFKC + lower-casing) → Latin. */
export const CONFUSABLES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Cyrillic
    'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c',
    'т': 't', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ї': 'i', 'ј': 'j', 'һ': 'h', 'ԁ': 'd', 'ԛ': 'q',
    'ԝ': 'w', 'ɡ': 'g', 'ӏ': 'l', 'ь': 'b', 'п': 'n', 'г': 'r', 'ԍ': 'g', 'ү': 'y', 'ѵ': 'v',
    // Greek
    'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't',
    'υ': 'u', 'χ': 'x', 'γ': 'y', 'ω': 'w', 'μ': 'u', 'ς': 's', 'σ': 'o', 'ϲ': 'c', 'ϳ': 'j',
    // Latin extensions and IPA that NFKC leaves alone
    'ı': 'i', 'ȷ': 'j', 'ɑ': 'a', 'ɩ': 'i', 'ʟ': 'l', 'ɪ': 'i', 'ɴ': 'n', 'ʀ': 'r', 'ᴀ': 'a', 'ʙ': 'b',
    'ᴄ': 'c', 'ᴅ': 'd', 'ᴇ': 'e', 'ɢ': 'g', 'ʜ': 'h', 'ᴊ': 'j', 'ᴋ': 'k', 'ᴍ': 'm', 'ᴏ': 'o', 'ᴘ': 'p',
    'ꜱ': 's', 'ᴛ': 't', 'ᴜ': 'u', 'ᴠ': 'v', 'ᴡ': 'w', 'ʏ': 'y', 'ᴢ': 'z', 'ø': 'o', 'đ': 'd', 'ł': 'l',
    'ħ': 'h', 'ŧ': 't', 'ƀ': 'b', 'ɇ': 'e',
  }),
);

/** Leetspeak substitutions, applied only inside words that also contain letters. */
export const LEET: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
    '@': 'a', '$': 's', '!': 'i', '|': 'l', '€': 'e', '£': 'l', '+': 't',
  }),
);
