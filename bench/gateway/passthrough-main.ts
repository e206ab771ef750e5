// Runs the baseline passthrough as its own process: `node dist-bench/bench/gateway/passthrough-main.js --upstream URL [--port N]`.
import { parseArgs } from 'node:util';
import { startPassthrough } from './passthrough.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { upstream: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'api-key': { type: 'string' } } });
  if (values.upstream === undefined) throw new Error('--upstream URL is required');
  const p = await startPassthrough({
    upstream: values.upstream,
    port: Number(values.port ?? 0),
    host: values.host ?? '127.0.0.1',
    ...(values['api-key'] !== undefined ? { apiKey: values['api-key'] } : {}),
  });
  process.stdout.write(`passthrough listening on ${p.url}\n`);
  const stop = () => void p.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`passthrough failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
