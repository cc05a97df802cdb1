import { PageHeader } from '../components/PageHeader.tsx';

export function StartPage() {
  return <PageHeader title="StartPage" />;
}
