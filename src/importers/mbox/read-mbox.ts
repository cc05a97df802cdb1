/**
 * Splits an mbox stream into messages without holding it: only the header block of the current
 * message is kept (up to a cap); body lines are looked at only for the next `From ` separator and
 * are never decoded or stored (SPEC §10: bodies are not read). A separator is a `From_` line: `From `,
 * a sender, then an asctime date (`Tue Aug 05 08:00:23 +0000 2008`, `Fri Apr  6 22:43:55 2007`).
 * Gmail Takeout does not put an empty line before it, so none is required; a body line such as
 * "From the source…" carries no such date and stays in the body.
 */

/**
 * `From <sender> <weekday> <month> <day> <hh:mm[:ss]> [<zone>] <year>`. The sender may hold spaces
 * (pipermail writes `user at example.com`); Gmail puts a `+0000` zone before the year.
 */
const FROM_LINE =
  /^From (\S.*?) +((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d\d(?::\d\d)?(?: +[+-]?[A-Za-z0-9]{1,5})? +\d{4})\s*$/;

/** The parts of a `From_` line, or undefined when the line is not one. */
export function parseFromLine(line: string): { sender: string; date: string } | undefined {
  const m = FROM_LINE.exec(line);
  return m ? { sender: m[1] as string, date: m[2] as string } : undefined;
}

export interface RawMessage {
  /** 1-based position in the file. */
  index: number;
  /** Byte offset of the `From ` line. */
  offset: number;
  fromLine: string;
  /** The `From_` line's sender (`1277085061787347926@xxx` in Gmail Takeout). */
  fromSender: string;
  /** The `From_` line's asctime date. */
  fromDate: string;
  /** The header block, or undefined when the message passed a limit. */
  headers?: Uint8Array;
  /** Why the message cannot be read (a limit it passed). */
  problem?: string;
}

const F = 0x46;
const R = 0x72;
const O = 0x6f;
const M = 0x6d;
const SP = 0x20;
const LF = 0x0a;
const CR = 0x0d;

export interface MboxLimits {
  maxMessageBytes: number;
  maxHeaderBytes: number;
}

export async function* readMbox(
  chunks: AsyncIterable<Uint8Array>,
  limits: MboxLimits,
): AsyncGenerator<RawMessage> {
  let carry: Uint8Array | undefined;
  let fileOffset = 0; // offset of the first byte of `carry + chunk`
  let cur:
    | {
        index: number;
        offset: number;
        fromLine: string;
        fromSender: string;
        fromDate: string;
        size: number;
        headerParts: Uint8Array[];
        headerBytes: number;
        inHeader: boolean;
        problem?: string;
      }
    | undefined;
  let count = 0;

  const finish = (): RawMessage | undefined => {
    if (!cur) return undefined;
    const m: RawMessage = {
      index: cur.index,
      offset: cur.offset,
      fromLine: cur.fromLine,
      fromSender: cur.fromSender,
      fromDate: cur.fromDate,
    };
    if (cur.problem) m.problem = cur.problem;
    else m.headers = Buffer.concat(cur.headerParts);
    return m;
  };

  const onLine = (
    buf: Uint8Array,
    start: number,
    end: number,
    lineOffset: number,
  ): RawMessage | undefined => {
    // end excludes the LF; strip a CR.
    let e = end;
    if (e > start && buf[e - 1] === CR) e--;
    const blank = e === start;
    let done: RawMessage | undefined;
    if (
      e - start >= 5 &&
      buf[start] === F &&
      buf[start + 1] === R &&
      buf[start + 2] === O &&
      buf[start + 3] === M &&
      buf[start + 4] === SP
    ) {
      const text = Buffer.from(buf.buffer, buf.byteOffset + start, Math.min(e - start, 512)).toString(
        'latin1',
      );
      const parts = parseFromLine(text);
      if (parts) {
        done = finish();
        count++;
        cur = {
          index: count,
          offset: lineOffset,
          fromLine: text,
          fromSender: parts.sender,
          fromDate: parts.date,
          size: 0,
          headerParts: [],
          headerBytes: 0,
          inHeader: true,
        };
        return done;
      }
    }
    if (!cur) return undefined;
    const len = end - start + 1;
    cur.size += len;
    if (!cur.problem && cur.size > limits.maxMessageBytes) {
      cur.problem = `message larger than the ${limits.maxMessageBytes} byte limit`;
      cur.headerParts = [];
    }
    if (cur.inHeader && !cur.problem) {
      if (blank) cur.inHeader = false;
      else {
        cur.headerBytes += len;
        if (cur.headerBytes > limits.maxHeaderBytes) {
          cur.problem = `header block larger than the ${limits.maxHeaderBytes} byte limit`;
          cur.headerParts = [];
        } else cur.headerParts.push(Uint8Array.prototype.slice.call(buf, start, end + 1) as Uint8Array);
      }
    }
    return undefined;
  };

  for await (const chunk of chunks) {
    const buf: Uint8Array = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    let nl = buf.indexOf(LF, start);
    while (nl !== -1) {
      const m = onLine(buf, start, nl, fileOffset + start);
      if (m) yield m;
      start = nl + 1;
      nl = buf.indexOf(LF, start);
    }
    // Keep the partial last line; a huge line in a body need not be kept whole.
    const rest = buf.length - start;
    if (rest > 4096 && (!cur?.inHeader || cur.problem)) {
      // Count the skipped bytes against the message size and keep only a tail.
      const drop = rest - 1024;
      if (cur) {
        cur.size += drop;
        if (!cur.problem && cur.size > limits.maxMessageBytes)
          cur.problem = `message larger than the ${limits.maxMessageBytes} byte limit`;
      }
      start += drop;
    } else if (rest > limits.maxHeaderBytes && cur && cur.inHeader) {
      cur.problem = `header block larger than the ${limits.maxHeaderBytes} byte limit`;
      cur.headerParts = [];
      cur.inHeader = false;
    }
    fileOffset += start;
    carry = start < buf.length ? buf.subarray(start) : undefined;
    if (carry) carry = Uint8Array.prototype.slice.call(carry) as Uint8Array;
  }
  if (carry && carry.length > 0) {
    const m = onLine(carry, 0, carry.length, fileOffset);
    if (m) yield m;
  }
  const last = finish();
  if (last) yield last;
}
