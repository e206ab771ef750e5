// The OpenAI-compatible API as every domain names it: its endpoints, the route a request matched, the usage an
// answer reports. Below proxy/, keys, limits, risk and upstream: they read these words without reaching up.

export type Endpoint = 'chat' | 'images' | 'embeddings' | 'models';

export interface RouteMatch {
  readonly endpoint: Endpoint;
  readonly style: 'openai' | 'azure';
  /** Azure form only. */
  readonly deployment?: string;
  readonly apiVersion?: string;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  images: number;
}
