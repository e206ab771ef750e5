// Pure builders of GET /v1/models (list) and GET /v1/models/{id}.

export const DEFAULT_MODELS: readonly string[] = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1-mini', 'dall-e-3', 'gpt-image-1', 'text-embedding-3-small', 'text-embedding-3-large'];

const CREATED = 1_700_000_000;

export function modelResponse(id: string): object {
  return { id, object: 'model', created: CREATED, owned_by: id.startsWith('sim-') ? 'warden-simulator' : 'system' };
}

export function modelsResponse(models: readonly string[]): object {
  return { object: 'list', data: models.map(modelResponse) };
}
