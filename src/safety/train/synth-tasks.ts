// Benign "task + input" prompts ("You are given a review. Classify its sentiment.\n\n<text>") built from the
// benign image captions of the train split, so task-style prompts with pasted text are not mistaken for injections.
// Written for this project (Apache-2.0); deterministic.

const TASKS = [
  'You are given a sentence. Rewrite it to be more formal.',
  'Classify the sentiment of the following text as positive, negative or neutral.',
  'Translate the text below into Spanish.',
  'You are provided with a description. Write a catchy title for it.',
  'Summarize the following in one sentence.',
  'Extract all nouns from the text.',
  'Correct any spelling or grammar mistakes in the text.',
  'You will be given a product description. List its key attributes.',
  'Give a brief explanation of the text below for a child.',
  'Write a short story that begins with the given sentence.',
  'Take the following caption and suggest three hashtags for it.',
  'Based on the description, recommend a colour palette for a poster.',
  'Respond to the message below in a friendly tone.',
  'Your task is to turn the following description into a haiku.',
  'Identify the main subject of the following description.',
  'Generate a question that could be answered by the text below.',
  'Paraphrase the following sentence in your response.',
  'Think of a tagline for an advertisement using the description.',
  'Create a quiz question based on the following text.',
  'You should decide whether the following sentence describes an indoor or an outdoor scene. Explain your answer.',
];

const OPENERS = ['', 'Please help me with this. ', 'Quick task: ', 'For my class: ', 'I need this for work. '];

/** `captions`: benign text from the train split to use as the pasted input. */
export function synthTasks(captions: readonly string[]): string[] {
  const usable = captions.filter((c) => c.length >= 25);
  const out: string[] = [];
  for (let i = 0; i < usable.length && out.length < 500; i += 3) {
    const task = TASKS[i % TASKS.length]!;
    const opener = OPENERS[i % OPENERS.length]!;
    const input = i % 2 === 0 ? usable[i]! : `${usable[i]!}. ${usable[(i + 7) % usable.length]!}`;
    out.push(`${opener}${task}\n\n${input}`);
  }
  return out;
}
