import { Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { ROLE_TEMPLATES } from '#core/kpis/role-templates';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatMinutes } from '../../format/format-number.ts';

/** SPEC §9 role templates: the KPIs they suggest, their quality rubric and response benchmark. */
export function RoleTemplatesSettings() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {Object.values(ROLE_TEMPLATES).map((t) => (
        <SectionCard
          key={t.id}
          title={t.name}
          description={`First response benchmark: ${formatMinutes(t.responseBenchmarkMinutes)} of working time`}
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              Suggested KPIs
            </Text>
            <List size="sm" spacing={2}>
              {t.kpis.map((k) => (
                <List.Item key={k.key}>
                  {k.name}{' '}
                  <Text span size="xs" c="dimmed">
                    ({k.direction === 'higher' ? 'higher is better' : 'lower is better'})
                  </Text>
                </List.Item>
              ))}
            </List>
            {t.activity.length > 0 && (
              <Text size="xs" c="dimmed">
                Shown as activity metrics, not proposed: {t.activity.map((a) => a.name).join(', ')}
              </Text>
            )}
            <Text size="sm" fw={600}>
              Quality rubric
            </Text>
            <Group gap={6}>
              {t.rubric.map((r) => (
                <Badge key={r} variant="light" color="gray" tt="none">
                  {r}
                </Badge>
              ))}
            </Group>
          </Stack>
        </SectionCard>
      ))}
    </SimpleGrid>
  );
}
