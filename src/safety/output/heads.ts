// The output classifier's heads and how they map onto the policy's harm categories.
import type { HarmCategory } from '../types.js';

export const HEADS = ['hate', 'harassment', 'sexual', 'violence', 'self_harm'] as const;
export type Head = (typeof HEADS)[number];

/**
 * Harassment has no category of its own in Azure's taxonomy; Azure counts bullying and intimidation under violence,
 * so a harassment finding is a violence finding (its reason says "harassment").
 */
export const HEAD_CATEGORY: Readonly<Record<Head, HarmCategory>> = {
  hate: 'hate',
  harassment: 'violence',
  sexual: 'sexual',
  violence: 'violence',
  self_harm: 'self_harm',
};

export interface HeadThresholds {
  readonly low: number;
  readonly medium: number;
  readonly high: number;
}
