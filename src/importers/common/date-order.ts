/**
 * Resolves the order of numeric dates (`03/04/2024`) per SPEC §10: an ambiguous order is an error
 * until the options say which. Without options the order is taken from the file only when some
 * date can be read one way alone (`10/15/2024` is month/day); rows met before that wait.
 */

import type { ImportContext } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import { type DateOrder, needsOrder, ordersAccepting } from './local-time.ts';

export class DateOrderResolver<Row> {
  order: DateOrder | undefined;
  private readonly waiting: { row: Row; line: number; sample: string }[] = [];

  constructor(
    given: DateOrder | undefined,
    private readonly ctx: ImportContext,
    private readonly what: string,
  ) {
    this.order = given;
  }

  /**
   * Hands `row` to `convert` once the order of its dates is known (at once if it is, or if none
   * of `dates` needs one); otherwise keeps it until a later row settles the order.
   */
  offer(row: Row, line: number, dates: string[], convert: (row: Row, line: number) => void): void {
    if (this.order === undefined) {
      for (const d of dates) {
        if (!needsOrder(d)) continue;
        const orders = ordersAccepting(d).filter((o) => o !== 'YMD');
        if (orders.length === 1) {
          this.order = orders[0] as DateOrder;
          this.ctx.note(
            `${this.what}: date order read as ${this.order === 'MDY' ? 'month/day/year' : 'day/month/year'} from dates like "${d}" (set options.dateOrder to be sure)`,
          );
          break;
        }
      }
      const open =
        this.order === undefined && dates.some((d) => needsOrder(d) && ordersAccepting(d).length > 1);
      if (open) {
        this.waiting.push({ row, line, sample: dates.find((d) => needsOrder(d)) ?? '' });
        return;
      }
      this.flush(convert);
    }
    convert(row, line);
  }

  private flush(convert: (row: Row, line: number) => void): void {
    const rows = this.waiting.splice(0);
    for (const w of rows) convert(w.row, w.line);
  }

  /** Converts the rows still waiting, or throws when the file never settled the order. */
  finish(convert: (row: Row, line: number) => void): void {
    if (this.waiting.length === 0) return;
    if (this.order === undefined) {
      const first = this.waiting[0];
      throw new ImportError(
        'ambiguous_date_order',
        `${this.what}: dates like "${first?.sample}" read as month/day or day/month; set options.dateOrder to "MDY" or "DMY"`,
        { line: first?.line, field: 'dateOrder' },
      );
    }
    this.flush(convert);
  }
}
