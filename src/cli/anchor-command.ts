/** `apparatus anchor` — being built (issue 3); until then it says so and fails. */
import type { CliCommand } from './cli-io.ts';
export const anchorCommand: CliCommand = async (_args, io) => {
  io.stderr('apparatus anchor: not built yet\n');
  return 1;
};
