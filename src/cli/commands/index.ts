/** Every `tandem` command, in the order `tandem --help` lists them. One file per command. */
import type { Command } from '../command.ts';
import { analyzeCommand } from './analyze.ts';
import { computeCommand } from './compute.ts';
import { importCommand } from './import.ts';

export const COMMANDS: Command[] = [computeCommand, analyzeCommand, importCommand];
