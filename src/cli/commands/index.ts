/** Every `tandem` command, in the order `tandem --help` lists them. One file per command. */
import type { Command } from '../command.ts';
import { analyzeCommand } from './analyze.ts';
import { computeCommand } from './compute.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { initCommand } from './init.ts';
import { restoreCommand } from './restore.ts';
import { serveCommand } from './serve.ts';

export const COMMANDS: Command[] = [
  serveCommand,
  initCommand,
  computeCommand,
  analyzeCommand,
  importCommand,
  exportCommand,
  restoreCommand,
];
