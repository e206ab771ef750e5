// Pure: Warden key candidates in a text, confirmed offline by their checksum, and their redacted form for output.
import { CRC_LEN, parseKey, type KeyTypeChar } from '../keys/format.js';

export interface Found {
  /** The whole key: only ever sent to the gateway that issued it (report), never printed. */
  readonly key: string;
  readonly kid: string;
  readonly type: KeyTypeChar;
  /** 1-based line and column in the text. */
  readonly line: number;
  readonly column: number;
}

// Word boundaries keep a 50-character run inside a longer token (a base64 blob) from counting.
const CANDIDATE = /(?<![0-9A-Za-z_])wdn_[lta]_[0-9A-Za-z]{50}(?![0-9A-Za-z])/g;

/** Every well-formed key with a valid checksum; look-alikes with a bad checksum are dropped. */
export function findInText(text: string, firstLine = 1): Found[] {
  const out: Found[] = [];
  if (!text.includes('wdn_')) return out;
  let line = firstLine;
  let lineStart = 0;
  let scanned = 0;
  for (const m of text.matchAll(CANDIDATE)) {
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = m.index;
    const p = parseKey(m[0]);
    if (p.ok) out.push({ key: m[0], kid: p.kid, type: p.type, line, column: m.index - lineStart + 1 });
  }
  return out;
}

/** `wdn_l_<kid>…<last 4>`: enough to find the key in the admin API, useless to anyone who reads the report. */
export function redact(key: string): string {
  return `${key.slice(0, 6 + 12)}…${key.slice(-Math.min(4, CRC_LEN))}`;
}
