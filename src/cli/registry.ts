// The CLI's command table (one line per command).
import { auditCommands } from './commands/audit.js';
import { auditSearchCommand } from './commands/audit-search.js';
import { configCommands } from './commands/config.js';
import { credentialsCommands } from './commands/credentials.js';
import { demoCommand } from './commands/demo.js';
import { keysCommands } from './commands/keys.js';
import { scanCommand } from './commands/scan.js';
import { serve } from './commands/serve.js';
import { evalDetectionCommand, simulateCommand } from './commands/simulate.js';
import { tenantsCommands } from './commands/tenants.js';
import { proofCommands } from './commands/proof.js';
import { webhooksCommands } from './commands/webhooks.js';
import type { CommandSpec, Options } from './spec.js';
import { evalSafetyCommand } from '../safety/eval/command.js';

export const commands: Record<string, CommandSpec<Options>> = {
  serve,
  demo: demoCommand,
  ...configCommands,
  ...tenantsCommands,
  ...keysCommands,
  ...credentialsCommands,
  ...webhooksCommands,
  ...auditCommands,
  'audit search': auditSearchCommand,
  ...proofCommands,
  scan: scanCommand,
  simulate: simulateCommand,
  'eval detection': evalDetectionCommand,
  'eval safety': evalSafetyCommand,
};
