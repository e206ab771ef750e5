// The shapes of a simulation: keys with a ground-truth label, and streams of requests with their role.
import type { ClientKind } from './clients.js';

export type Req = { kind: 'chat'; model: string; prompt: string; maxTokens?: number; temperature?: number } | { kind: 'embeddings' } | { kind: 'images'; prompt?: string } | { kind: 'models' };

export interface Step {
  readonly key: string;
  readonly ip: string;
  readonly client: ClientKind;
  readonly req: Req;
  readonly role: 'owner' | 'attacker';
  /** Pause before this step (ms of simulated time under `warden eval detection`, real time under `warden simulate`). */
  readonly delayMs: number;
}

export interface KeyPlan {
  readonly ref: string;
  /** Ground truth: `attacked` keys are used by someone other than their owner. */
  readonly label: 'legit' | 'attacked' | 'canary';
  readonly canary?: boolean;
  /** Attacked keys only: false for a thief who spends the key without abuse (low-and-slow); it must be flagged, not contained. */
  readonly abusive?: boolean;
  readonly endpoints: ('chat' | 'images' | 'embeddings')[];
  /** Owner history before the scenario starts. */
  readonly warmup: Step[];
}

export interface ScenarioPlan {
  readonly name: string;
  readonly description: string;
  /** The "hard cases". */
  readonly hard: boolean;
  readonly keys: KeyPlan[];
  /** Run concurrently; each stream's steps run in order. */
  readonly streams: Step[][];
}
