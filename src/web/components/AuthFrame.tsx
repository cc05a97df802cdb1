import { Box, Card, Center, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BrandMark } from './BrandMark.tsx';

interface AuthFrameProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The quiet, centred frame of sign-in, setup, invitation and password screens. */
export function AuthFrame({ title, description, children, footer }: AuthFrameProps) {
  return (
    <Box component="main" bg="gray.0" mih="100vh" px="sm" py={{ base: 'lg', sm: 64 }}>
      <Center>
        <Stack w="100%" maw={440} gap="lg">
          <Center>
            <BrandMark size="xl" />
          </Center>
          <Card shadow="xs">
            <Stack gap="md">
              <div>
                <Title order={1} size="h3">
                  {title}
                </Title>
                {description && (
                  <Text size="sm" c="dimmed" mt={4}>
                    {description}
                  </Text>
                )}
              </div>
              {children}
            </Stack>
          </Card>
          {footer && (
            <Text size="sm" ta="center" c="dimmed">
              {footer}
            </Text>
          )}
        </Stack>
      </Center>
    </Box>
  );
}
