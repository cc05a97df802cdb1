/**
 * Every `tandem` command, in the order `tandem --help` lists them. One file per command, imported
 * only when that command runs: the server's, the store's and the importers' modules cost seconds
 * and hundreds of megabytes to load, which `tandem compute` must not pay (SPEC §12).
 */
import type { CommandEntry } from '../command.ts';

export const COMMANDS: CommandEntry[] = [
  {
    name: 'serve',
    summary: 'run the server (embedded store in ./data, or DATABASE_URL)',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  {
    name: 'init',
    summary: 'create a workspace and its owner; prints the owner token and a set-password link',
    load: async () => (await import('./init.ts')).initCommand,
  },
  {
    name: 'demo',
    summary: 'fill a workspace with 16+ weeks of demo data (3 assistants); prints how to sign in',
    load: async () => (await import('./demo.ts')).demoCommand,
  },
  {
    name: 'password-link',
    summary: 'print a single-use set-password link for an account (a locked-out owner)',
    load: async () => (await import('./password-link.ts')).passwordLinkCommand,
  },
  {
    name: 'compute',
    summary: 'compute every metric from an NDJSON event file (SPEC §12)',
    load: async () => (await import('./compute.ts')).computeCommand,
  },
  {
    name: 'analyze',
    summary: 'series, process limits, signals, trend and forecast per KPI (SPEC §6)',
    load: async () => (await import('./analyze.ts')).analyzeCommand,
  },
  {
    name: 'import',
    summary: "convert a tool's export to normalized events (SPEC §10, §13)",
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'export',
    summary: 'write a whole workspace as one archive (to restore elsewhere, e.g. on PostgreSQL)',
    load: async () => (await import('./export.ts')).exportCommand,
  },
  {
    name: 'restore',
    summary: 'restore a workspace archive into this store',
    load: async () => (await import('./restore.ts')).restoreCommand,
  },
];
