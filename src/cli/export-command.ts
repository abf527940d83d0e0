/** `apparatus export` — being built (issue 4); until then it says so and fails. */
import type { CliCommand } from './cli-io.ts';
export const exportCommand: CliCommand = async (_args, io) => {
  io.stderr('apparatus export: not built yet\n');
  return 1;
};
