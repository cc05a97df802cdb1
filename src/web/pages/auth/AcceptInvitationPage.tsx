import { PageHeader } from '../../components/PageHeader.tsx';

export function AcceptInvitationPage() {
  return <PageHeader title="AcceptInvitationPage" />;
}
