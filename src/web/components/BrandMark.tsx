import { Group, Text } from '@mantine/core';

/** Two overlapping circles and the name: two people, one direction. */
export function BrandMark({ size = 'lg' }: { size?: 'md' | 'lg' | 'xl' }) {
  const px = size === 'xl' ? 32 : size === 'lg' ? 26 : 20;
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={px} height={px} viewBox="0 0 32 32" aria-hidden="true">
        <circle cx="11" cy="16" r="8" fill="#0f766e" />
        <circle cx="21" cy="16" r="8" fill="#14b8a6" fillOpacity="0.8" />
      </svg>
      <Text fw={700} size={size} c="teal.9">
        Tandem
      </Text>
    </Group>
  );
}
