// A text that discusses prompt injection and quotes an example of one ("how a page can hide 'ignore your
// instructions'") is teaching, not attacking: the quoted order alone does not block. An order outside quotes still does.
import { DISCUSSION } from '../lexicon/injection-cues.js';

const DISCUSSES = new RegExp(DISCUSSION);
/** An opening quote mark right before the match (up to 16 characters between: "'AI, ignore …'" quotes the addressee too). */
const OPENED = /["'“‘„«‹「『][^"'“”‘’„«»‹›「」『』]{0,16}$/;

/** Whether an opening quote mark stands right before `index`. */
export const openedBefore = (text: string, index: number): boolean => OPENED.test(text.slice(Math.max(0, index - 17), index));

/** Whether the order at `index` is a quoted example inside a text about prompt injection. */
export function quotedExample(text: string, index: number): boolean {
  return openedBefore(text, index) && DISCUSSES.test(text);
}

/** Whether the text is about prompt injection at all (the addressed-order shapes are not looked for in it). */
export const discussesInjection = (text: string): boolean => DISCUSSES.test(text);
