// `warden demo`: a throwaway gateway on loopback, ordinary traffic and four attacks, what Warden did, then the console.
import { startDemoGateway } from '../../demo/gateway.js';
import { demoSucceeded, renderDemo, type DemoReport } from '../../demo/report.js';
import { runDemo } from '../../demo/story.js';
import { admin } from '../../simulate/run.js';
import { defineCommand, UsageError } from '../spec.js';

const untilSignal = (): Promise<string> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });

export const demoCommand = defineCommand({
  summary:
    'Start a throwaway gateway (simulated upstream, temporary data, loopback only), run ordinary traffic and attacks with synthetic keys, print what Warden did, then keep the console open until Ctrl-C.',
  options: {
    'no-wait': { type: 'boolean', description: 'print the report and exit (0 when every attack got its answer, 1 otherwise)' },
    port: { type: 'string', value: 'PORT', description: 'listen on 127.0.0.1:PORT (default: a free port)' },
    seed: { type: 'string', value: 'N', default: '1', description: 'random seed of the simulated traffic' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  async run(values) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not '${values.port}'`);
    const seed = Number(values.seed ?? 1);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed takes an integer, not '${values.seed}'`);
    const log = (l: string): void => void process.stderr.write(`${l}\n`);
    log('starting a demo gateway on loopback (simulated upstream, temporary data dir)…');
    const demo = await startDemoGateway(port);
    try {
      const target = { url: demo.url, adminToken: demo.adminToken };
      const credential = (await admin(target, 'POST', '/credentials', { name: 'demo', role: 'admin' })) as { token: string };
      const story = await runDemo(target, { seed, log });
      const report: DemoReport = { gatewayUrl: demo.url, consoleUrl: `${demo.url}/console`, credential: { name: 'demo', token: credential.token }, ...story };
      process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : renderDemo(report));
      const ok = demoSucceeded(report);
      if (values['no-wait']) return ok ? 0 : 1;
      process.stdout.write(
        `\nConsole: ${report.consoleUrl}\nSign in with the demo credential: ${credential.token}\n` +
          `Or the CLI: export WARDEN_ADMIN_URL=${demo.url} WARDEN_ADMIN_TOKEN=${credential.token}\n` +
          `Ctrl-C stops the gateway and deletes its data.\n`,
      );
      await untilSignal();
      return ok ? 0 : 1;
    } finally {
      await demo.close();
    }
  },
});
