import { Box, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScrollTable } from './ScrollTable.tsx';
import { useNarrowScreen } from './use-narrow-screen.ts';

export interface ResponsiveColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Stacked on a phone, the header is shown as a caption above the cell unless this is false. */
  caption?: boolean;
  /** The header is for screen readers only (e.g. a column of buttons named "Actions"). */
  hiddenHeader?: boolean;
}

interface ResponsiveTableProps<T> {
  /** The accessible name of the table or list. */
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: readonly ResponsiveColumn<T>[];
  /** The desktop table's minimum width; below it, it scrolls sideways. */
  minWidth: number;
  /** Marks a row (e.g. `data-excluded`) in both layouts. */
  rowAttributes?: (row: T) => Record<string, string | undefined>;
  verticalSpacing?: 'xs' | number;
}

/**
 * A table on a desktop; on a phone, one block per row with its cells stacked and captioned, so
 * that no column (a time, a status, an action) is cut off at 375 px.
 */
export function ResponsiveTable<T>({
  label,
  rows,
  rowKey,
  columns,
  minWidth,
  rowAttributes,
  verticalSpacing = 6,
}: ResponsiveTableProps<T>) {
  const narrow = useNarrowScreen();
  if (narrow) {
    return (
      <Box component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <Box
            component="li"
            key={rowKey(row)}
            py="sm"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
            {...(rowAttributes?.(row) ?? {})}
          >
            <Stack gap={6}>
              {columns.map((c, i) => (
                <Box key={c.header}>
                  {i > 0 && c.caption !== false && !c.hiddenHeader && (
                    <Text size="xs" c="dimmed" fw={600}>
                      {c.header}
                    </Text>
                  )}
                  {c.cell(row)}
                </Box>
              ))}
            </Stack>
          </Box>
        ))}
      </Box>
    );
  }
  return (
    <ScrollTable label={label} minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header}>
                {c.hiddenHeader ? <VisuallyHidden>{c.header}</VisuallyHidden> : c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...(rowAttributes?.(row) ?? {})}>
              {columns.map((c) => (
                <Table.Td key={c.header}>{c.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
