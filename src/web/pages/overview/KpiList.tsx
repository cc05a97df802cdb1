import { Card, Stack, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import classes from './KpiGrid.module.css';
import type { OverviewHrefs, OverviewRow } from './KpiGrid.tsx';
import { cellStatus, KpiValue, statusWord } from './KpiValue.tsx';

/**
 * The grid on a phone: one card per assistant with their own KPIs, name first, so that no
 * column is cut off and nothing reads as a ranking across people.
 */
export function KpiList({
  rows,
  hrefs,
  onClick,
}: {
  rows: readonly OverviewRow[];
  hrefs: OverviewHrefs;
  onClick: (e: MouseEvent) => void;
}) {
  return (
    <Stack gap="sm" component="ul" aria-label="KPIs per assistant" className={classes.list} onClick={onClick}>
      {rows.map((r) => (
        <Card key={r.assistant.id} component="li" padding="sm">
          <a href={hrefs.home(r.assistant.id)} style={{ color: 'inherit', fontWeight: 600 }}>
            {r.assistant.name ?? r.assistant.id}
          </a>
          <span className={classes.small}>{r.assistant.timezone}</span>
          {r.kpis.length === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              No KPI proposed yet.
            </Text>
          ) : (
            <div className={classes.items}>
              {r.kpis.map((k) => (
                <a
                  key={k.id}
                  className={classes.item}
                  data-status={cellStatus(k) ?? undefined}
                  href={hrefs.kpi(k.id)}
                >
                  <span className={classes.itemHead}>
                    <span>{k.name}</span>
                    <KpiValue k={k} />
                  </span>
                  <span className={classes.small}>{statusWord(k)}</span>
                </a>
              ))}
            </div>
          )}
        </Card>
      ))}
    </Stack>
  );
}
