/**
 * Settings → Outbox (issue 8 item 8, owners): every notification e-mail, newest first. With no
 * SMTP server configured nothing leaves the server, and this is where the e-mails can be read.
 */
import { Alert, Box, Code, Stack, Text } from '@mantine/core';
import { useOutbox } from '../../api/notifications-api.ts';
import { useWorkspace } from '../../app/workspace-context.ts';
import { EmptyNotice } from '../../components/EmptyNotice.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { SectionCard } from '../../components/SectionCard.tsx';
import { formatInstant, viewerZone } from '../../format/format-instant.ts';

export function OutboxSettings() {
  const { ws } = useWorkspace();
  const outbox = useOutbox(ws);
  const zone = viewerZone();
  return (
    <SectionCard title="Outbox" description="The notification e-mails of this workspace, newest first.">
      {outbox.isPending ? (
        <LoadingState label="Loading the outbox…" />
      ) : outbox.isError ? (
        <ErrorState error={outbox.error} action="load the outbox" onRetry={() => void outbox.refetch()} />
      ) : (
        <Stack gap="sm">
          {!outbox.data.smtpConfigured && (
            <Alert color="blue" title="No SMTP server configured">
              E-mails are not sent: they are kept here. Set SMTP_URL (and MAIL_FROM) on the server to send
              them.
            </Alert>
          )}
          {outbox.data.entries.length === 0 ? (
            <EmptyNotice
              title="No e-mails yet"
              description="Notifications people chose to receive by e-mail show here."
            />
          ) : (
            <ResponsiveTable
              label="Outbox"
              minWidth={640}
              verticalSpacing="xs"
              rows={outbox.data.entries}
              rowKey={(e) => e.messageId}
              columns={[
                {
                  header: 'When',
                  cell: (e) => (
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {formatInstant(e.createdAt, zone)}
                    </Text>
                  ),
                },
                {
                  header: 'To',
                  cell: (e) => (
                    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {e.to}
                    </Text>
                  ),
                },
                {
                  header: 'Message',
                  cell: (e) => (
                    <Box component="details">
                      <Box component="summary" style={{ cursor: 'pointer' }}>
                        <Text span size="xs" fw={600}>
                          {e.subject}
                        </Text>
                      </Box>
                      <Code block fz="xs" mt={6} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                        {e.text}
                      </Code>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        Message-ID {e.messageId}
                      </Text>
                    </Box>
                  ),
                },
                {
                  header: 'Status',
                  cell: (e) => (
                    <Text size="xs" c={e.sentAt ? 'teal.9' : 'dimmed'}>
                      {e.sentAt ? `Sent ${formatInstant(e.sentAt, zone)}` : 'Not sent (no SMTP)'}
                    </Text>
                  ),
                },
              ]}
            />
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
