// `warden serve`: load config from file + env, start the gateway, shut down cleanly on signals.
import { loadConfig } from '../../config/load.js';
import { startGateway } from '../../main.js';
import { defineCommand } from '../spec.js';

export const serve = defineCommand({
  summary: 'Start the gateway (config from $WARDEN_CONFIG and WARDEN_* variables; see README, Configuration).',
  options: {},
  async run() {
    const config = loadConfig(process.env);
    const gw = await startGateway(config, {
      onAdminToken: (t) => process.stderr.write(`\n  Warden generated an admin token. It is shown ONCE and stored only as a hash:\n\n    ${t}\n\n  export WARDEN_ADMIN_TOKEN=${t}\n\n`),
    });
    process.stderr.write(`warden listening on ${gw.url}\n`);
    let stopping = false;
    const stop = (sig: string): void => {
      if (stopping) return;
      stopping = true;
      gw.deps.log.info('shutting down', { signal: sig });
      // SIGTERM (an orchestrator) drains: not ready first, in-flight requests finish; Ctrl-C stops at once.
      void (sig === 'SIGTERM' ? gw.drain() : gw.close()).then(() => process.exit(0));
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    return -1;
  },
});
