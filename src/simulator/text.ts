// Pure text helpers: default replies, token estimates, splitting a reply into stream pieces.

export const DEFAULT_REPLY = 'This is a simulated answer from the Warden upstream simulator. It streams in small pieces so gateways can be tested without any real model behind them.';

/** Rough token count (about four characters a token, at least one). */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The text of every message (string content or text parts), for usage and echo. */
export function messagesText(messages: unknown): string[] {
  if (!Array.isArray(messages)) return [];
  const out: string[] = [];
  for (const m of messages) {
    const content = (m as { content?: unknown } | null)?.content;
    if (typeof content === 'string') out.push(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        const text = (part as { text?: unknown } | null)?.text;
        if (typeof text === 'string') out.push(text);
      }
    }
  }
  return out;
}

/**
 * Split `text` into at most `n` non-empty pieces that concatenate back to it, on word
 * boundaries when there are enough words, else by characters (code points, never mid-UTF-16).
 */
export function splitPieces(text: string, n: number): string[] {
  if (text === '') return [];
  const count = Math.max(1, Math.floor(n));
  const words = text.match(/\s*\S+\s*/gu) ?? [text];
  const units = words.length >= count ? words : Array.from(text);
  const pieces: string[] = [];
  const size = units.length / Math.min(count, units.length);
  for (let i = 0; i < Math.min(count, units.length); i++) {
    pieces.push(units.slice(Math.round(i * size), Math.round((i + 1) * size)).join(''));
  }
  return pieces;
}
