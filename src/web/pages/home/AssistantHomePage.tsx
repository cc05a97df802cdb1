import { PageHeader } from '../../components/PageHeader.tsx';

export function AssistantHomePage() {
  return <PageHeader title="AssistantHomePage" />;
}
