import { Anchor, List, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { AuthFrame } from '../../components/AuthFrame.tsx';

/**
 * Tandem is self-hosted and may have no mail server, so a new password comes as a single-use
 * link: from the workspace owner (Settings → Members → "Password link"), or — for an owner, or an
 * account that belongs to several workspaces — from `npx tandem password-link` on the server.
 */
export function ForgotPasswordPage() {
  return (
    <AuthFrame
      title="Reset your password"
      footer={
        <Anchor component={Link} to="/sign-in" size="sm">
          Back to sign-in
        </Anchor>
      }
    >
      <Text size="sm">A new password comes as a single-use link that is valid for three days:</Text>
      <List size="sm" spacing="xs">
        <List.Item>Ask the owner of your workspace: Settings → Members → Password link.</List.Item>
        <List.Item>
          If you are the owner (or your account belongs to several workspaces), whoever runs the Tandem server
          can print a new link with <code>npx tandem password-link --email you@example.com</code>.
        </List.Item>
      </List>
      <Text size="sm" c="dimmed">
        Opening the link signs you out everywhere once the new password is set.
      </Text>
    </AuthFrame>
  );
}
