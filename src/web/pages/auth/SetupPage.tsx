import { PageHeader } from '../../components/PageHeader.tsx';

export function SetupPage() {
  return <PageHeader title="SetupPage" />;
}
