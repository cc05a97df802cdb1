import { Table } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { memo, useMemo } from 'react';
import type { OverviewKpi } from '#shared/kpi-schemas';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useInAppLinks } from '../../components/use-in-app-links.ts';
import { useNarrowScreen } from '../../components/use-narrow-screen.ts';
import classes from './KpiGrid.module.css';
import { KpiList } from './KpiList.tsx';
import { cellStatus, statusWord, TrendMark, valueText } from './KpiValue.tsx';
import { sortAssistants } from './sort-rows.ts';

/** One row of the grid: an assistant and their open KPIs (GET …/overview, grouped by assistant). */
export interface OverviewRow {
  assistant: { id: string; name: string | null; role: string | null; timezone: string };
  kpis: OverviewKpi[];
}

export interface OverviewHrefs {
  kpi: (id: string) => string;
  home: (assistant: string) => string;
}

/**
 * The addresses the grid links to, as plain strings: the router's own link building, once per
 * cell, was a good part of what a Link cost. Search params go through the router's serialiser,
 * so the address reads back as the router would have written it.
 */
export function useOverviewHrefs(ws: string): OverviewHrefs {
  const router = useRouter();
  return useMemo(() => {
    const base = `/w/${encodeURIComponent(ws)}`;
    return {
      kpi: (id) => `${base}/kpis/${encodeURIComponent(id)}`,
      home: (assistant) => `${base}/home${router.options.stringifySearch({ assistant })}`,
    };
  }, [ws, router]);
}

/** The assistant column: a name and a time zone such as America/Argentina/Buenos_Aires. */
const NAME_WIDTH = 200;

/** Unchanged cells are not drawn again when the grid refreshes (answers keep unchanged objects). */
const Cell = memo(function Cell({ k, href }: { k: OverviewKpi | undefined; href: OverviewHrefs['kpi'] }) {
  if (!k) return <td className={`${classes.cell} ${classes.empty}`}>—</td>;
  // As few elements as a cell can have: the value and its arrow as the link's own line, the
  // status words below (a thousand cells are most of what the page lays out).
  return (
    <td className={classes.cell} data-status={cellStatus(k) ?? undefined}>
      <a className={classes.link} href={href(k.id)}>
        {valueText(k)}
        <TrendMark k={k} />
        <small className={classes.small}>{statusWord(k)}</small>
      </a>
    </td>
  );
});

function Row({ row, columns, hrefs }: { row: OverviewRow; columns: string[]; hrefs: OverviewHrefs }) {
  const a = row.assistant;
  return (
    <tr className={classes.row}>
      <th scope="row" className={classes.name}>
        <a className={classes.nameLink} href={hrefs.home(a.id)}>
          {a.name ?? a.id}
        </a>
        <span className={classes.small}>{a.timezone}</span>
      </th>
      {columns.map((c) => (
        <Cell key={c} k={row.kpis.find((k) => k.name === c)} href={hrefs.kpi} />
      ))}
    </tr>
  );
}

/**
 * The grid: one row per assistant, one column per KPI name; on a phone, one card per assistant.
 * Its links are plain anchors that navigate inside the app (useInAppLinks).
 */
export function KpiGrid({
  ws,
  rows,
  sort,
}: {
  ws: string;
  rows: readonly OverviewRow[];
  sort: 'name' | 'role' | 'zone';
}) {
  const narrow = useNarrowScreen();
  const hrefs = useOverviewHrefs(ws);
  const follow = useInAppLinks();
  const columns = useMemo(() => {
    const names = new Set<string>();
    for (const r of rows) for (const k of r.kpis) names.add(k.name);
    return [...names];
  }, [rows]);
  const sorted = useMemo(() => sortAssistants(rows, (r) => r.assistant, sort), [rows, sort]);
  if (rows.length === 0)
    return <EmptyNotice title="No assistants match" description="Clear a filter, or set up an assistant." />;
  if (narrow) return <KpiList rows={sorted} hrefs={hrefs} onClick={follow} />;
  return (
    <ScrollTable label="KPIs per assistant" minWidth={Math.max(560, NAME_WIDTH + columns.length * 140)}>
      {/* Fixed layout: the columns' widths come from the first row, not from measuring all 1,000
          cells' contents (the layout of the auto table was most of the screen's time to draw). */}
      <Table verticalSpacing={6} withTableBorder withColumnBorders stickyHeader layout="fixed">
        <colgroup>
          <col style={{ width: NAME_WIDTH }} />
          {columns.map((c) => (
            <col key={c} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className={classes.name}>Assistant</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onClick={follow}>
          {sorted.map((r) => (
            <Row key={r.assistant.id} row={r} columns={columns} hrefs={hrefs} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
