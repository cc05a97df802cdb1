import { Select } from '@mantine/core';
import type { Assistant } from '#shared/api-schemas';

/** Chooses whose check-ins or reviews to show, when the viewer may see more than one assistant. */
export function AssistantPicker({
  list,
  value,
  onChange,
}: {
  list: readonly Assistant[];
  value: string;
  onChange: (id: string) => void;
}) {
  if (list.length < 2) return null;
  return (
    <Select
      aria-label="Assistant"
      data={list.map((a) => ({ value: a.id, label: a.name ?? a.id }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={{ base: '100%', xs: 220 }}
    />
  );
}
