import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { AuthFrame } from '../components/AuthFrame.tsx';

export function NotFoundPage() {
  return (
    <AuthFrame title="This page does not exist">
      <Text size="sm">The link may be old or mistyped.</Text>
      <Anchor component={Link} to="/">
        Go to the start
      </Anchor>
    </AuthFrame>
  );
}
