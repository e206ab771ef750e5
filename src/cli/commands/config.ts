// `warden config check [FILE]`: validates a configuration without starting anything.
import { ConfigError, loadConfig } from '../../config/load.js';
import { defineCommand } from '../spec.js';

export const configCommands = {
  'config check': defineCommand({
    summary: 'Validate the configuration ($WARDEN_CONFIG or FILE, with WARDEN_* variables applied) without starting; exit 1 listing every problem.',
    args: '[FILE]',
    options: {},
    async run(_values, positionals) {
      const env = positionals[0] ? { ...process.env, WARDEN_CONFIG: positionals[0] } : process.env;
      try {
        const c = loadConfig(env);
        const upstreams = c.upstreams.length ? c.upstreams.map((u) => `${u.name}(${u.kind})`).join(', ') : 'none (simulator)';
        process.stdout.write(
          `configuration OK: store ${c.store.kind}, redis ${c.redis ? 'on' : 'off'}, upstreams ${upstreams}, safety ${c.safety.enabled ? 'on' : 'OFF'}, risk ${c.risk.enabled ? 'on' : 'OFF'}\n`,
        );
        return 0;
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        process.stderr.write(`${e.message}\n`);
        return 1;
      }
    },
  }),
};
