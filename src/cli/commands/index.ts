import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerBuild } from './build.js';
import { registerValidate } from './validate.js';
import { registerCompute } from './compute.js';
import { registerSubmissions } from './submissions.js';
import { registerReceipt } from './receipt.js';
import { registerDiff } from './diff.js';
import { registerTemplates } from './templates.js';
import { registerExplain } from './explain.js';
import { registerInit } from './init.js';
import { registerAnteprima } from './anteprima.js';

/** Every subcommand, in the order `--help` lists them. One module per command. */
export const COMMANDS: ((program: Command, ctx: CommandContext) => void)[] = [
  registerInit,
  registerBuild,
  registerAnteprima,
  registerValidate,
  registerCompute,
  registerSubmissions,
  registerReceipt,
  registerDiff,
  registerTemplates,
  registerExplain,
];
