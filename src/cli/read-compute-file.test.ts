import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineError } from '#core/events/ndjson-lines';
import { type ComputeInput, readComputeInput } from '#core/events/read-compute-input';
import { buildAssistantLine, buildTask, byteStream } from '#test/builders';
import { generateLines } from '../../bench/generate-events.ts';
import { rangeStarts, readComputeFile } from './read-compute-file.ts';

// Reading a file on several threads must give exactly what reading it line by line gives: the same
// rows in the same order, the same counts, and the same first bad line (SPEC §12).

const DIR = mkdtempSync(join(tmpdir(), 'tandem-read-file-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

let n = 0;
function fileOf(content: string | Uint8Array): string {
  const path = join(DIR, `input-${n++}.ndjson`);
  writeFileSync(path, content);
  return path;
}

type Outcome = { input: ComputeInput } | { error: string };

async function outcome(read: () => Promise<ComputeInput>): Promise<Outcome> {
  try {
    return { input: await read() };
  } catch (err) {
    if (err instanceof LineError) return { error: `${err.line}: ${err.field}: ${err.reason}` };
    throw err;
  }
}

async function expectSameAsInOrder(path: string, parts: number): Promise<Outcome> {
  const bytes = readFileSync(path);
  const inOrder = await outcome(() => readComputeInput(byteStream(new Uint8Array(bytes), 1 << 16)));
  const split = await outcome(() => readComputeFile(path, { parts, minParallelBytes: 0 }));
  expect(split).toEqual(inOrder);
  return inOrder;
}

/** 3,000 generated events of every type, with restatements and exclusions, plus edge lines. */
function generated(): string[] {
  const lines = [...generateLines(3_000, 7)];
  // An id restated near the end by another assistant, an excluded restatement, a task with labels,
  // and an assistant used in the middle but declared only on the last line.
  lines.splice(200, 0, JSON.stringify(buildTask({ id: 'moved', assistant: 'a0', labels: ['x', 'y'] })));
  lines.splice(1500, 0, JSON.stringify(buildTask({ id: 'late-decl', assistant: 'zed', category: 'travel' })));
  lines.push(JSON.stringify(buildTask({ id: 'moved', assistant: 'a1' })));
  lines.push(JSON.stringify(buildTask({ id: 'e5', assistant: 'a1', excluded: 'tool outage' })));
  lines.push(JSON.stringify(buildAssistantLine({ id: 'zed' })));
  return lines;
}

describe('readComputeFile', () => {
  it.each([2, 3, 4])('gives what reading in order gives, in %i ranges', async (parts) => {
    const path = fileOf(`${generated().join('\n')}\n`);
    const r = await expectSameAsInOrder(path, parts);
    expect('input' in r && r.input.rows.length).toBeGreaterThan(2_500);
    expect((await rangeStarts(path, readFileSync(path).length, parts)).length).toBe(parts);
  });

  it('reads a file without a final line end and with CRLF line ends alike', async () => {
    await expectSameAsInOrder(fileOf(generated().join('\r\n')), 3);
  });

  // Bad lines of each kind, placed so that each kind falls in the first, a middle or the last
  // range (invalid JSON in all three): the part's line numbers must be renumbered right.
  const BAD: Record<string, (line: string) => string | Uint8Array> = {
    'invalid JSON': (line) => line.slice(0, -1),
    'a missing field': (line) => line.replace('"assistant":', '"assistent":'),
    'an undeclared assistant': (line) => line.replace(/"assistant":"a\d+"/, '"assistant":"nobody"'),
    'a U+FEFF at a line start': (line) => `\uFEFF${line}`,
    'invalid UTF-8': (line) =>
      Buffer.concat([Buffer.from(line.slice(0, 20)), Buffer.from([0xc3, 0x28]), Buffer.from(line.slice(20))]),
  };
  const CASES: [string, number][] = [
    ['invalid JSON', 0.1],
    ['invalid JSON', 0.5],
    ['invalid JSON', 0.9],
    ['a missing field', 0.5],
    ['an undeclared assistant', 0.9],
    ['a U+FEFF at a line start', 0.5],
    ['invalid UTF-8', 0.1],
    ['invalid UTF-8', 0.9],
  ];
  it.each(CASES)('reports the same first bad line for %s at %d of the file', async (kind, at) => {
    const make = BAD[kind] as (line: string) => string | Uint8Array;
    const lines: (string | Uint8Array)[] = generated();
    // An event line (not an assistant line, which has no "assistant" field).
    let k = Math.floor(lines.length * at);
    while (!String(lines[k]).includes('"assistant":"a')) k++;
    lines[k] = make(String(lines[k]));
    const chunks = lines.flatMap((l) => [typeof l === 'string' ? Buffer.from(l) : l, Buffer.from('\n')]);
    const r = await expectSameAsInOrder(fileOf(Buffer.concat(chunks)), 3);
    expect('error' in r && r.error).toMatch(new RegExp(`^${k + 1}: `));
  });

  it('reports the earlier of two bad lines in different ranges', async () => {
    const lines = generated();
    lines[2_900] = '{"type":"task"';
    lines[700] = 'not json';
    const r = await expectSameAsInOrder(fileOf(`${lines.join('\n')}\n`), 4);
    expect('error' in r && r.error).toMatch(/^701: \(json\)/);
  });

  it('skips a byte-order mark at the start of the file only', async () => {
    await expectSameAsInOrder(fileOf(`\uFEFF${generated().join('\n')}\n`), 2);
  });

  it('cuts only at line ends, and keeps one range for a file of one line', async () => {
    const text = `${generated().join('\n')}\n`;
    const path = fileOf(text);
    const bytes = readFileSync(path);
    const starts = await rangeStarts(path, bytes.length, 4);
    expect(starts[0]).toBe(0);
    for (const s of starts.slice(1)) expect(bytes[s - 1]).toBe(10);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const one = fileOf(JSON.stringify(buildTask()));
    expect(await rangeStarts(one, readFileSync(one).length, 4)).toEqual([0]);
  });
});
