// Standalone simulator: `node dist/simulator/main.js [--port N] [--host H] [--chunks N] [--chunk-delay-ms N] [--api-key K]`.
import { parseArgs } from 'node:util';
import { startSimulator } from './server.js';
import type { SimulatorOptions } from './types.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      chunks: { type: 'string' },
      'chunk-delay-ms': { type: 'string' },
      'api-key': { type: 'string' },
    },
  });
  const opts: SimulatorOptions = { port: Number(values.port ?? process.env['SIM_PORT'] ?? 0), host: values.host ?? '127.0.0.1', recordLimit: 50 };
  if (values.chunks !== undefined) opts.chunks = Number(values.chunks);
  if (values['chunk-delay-ms'] !== undefined) opts.chunkDelayMs = Number(values['chunk-delay-ms']);
  if (values['api-key'] !== undefined) opts.apiKey = values['api-key'];
  const sim = await startSimulator(opts);
  // One machine-readable line: the bench (and scripts) read the URL from it.
  process.stdout.write(`warden-simulator listening on ${sim.url} (OpenAI base ${sim.url}/v1)\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
