// The CLI's command table (one line per command). A command returns its exit code (-1: keeps running).
import { auditCommands } from './commands/audit.js';
import { keysCommands } from './commands/keys.js';
import { serve } from './commands/serve.js';
import { evalDetectionCommand, simulateCommand } from './commands/simulate.js';
import { tenantsCommands } from './commands/tenants.js';
import { evalSafetyCommand } from '../safety/eval/command.js';

export type Command = (args: string[]) => Promise<number>;

export const commands: Record<string, Command> = {
  serve,
  simulate: simulateCommand,
  'eval detection': evalDetectionCommand,
  ...tenantsCommands,
  ...keysCommands,
  ...auditCommands,
  'eval safety': evalSafetyCommand,
};
