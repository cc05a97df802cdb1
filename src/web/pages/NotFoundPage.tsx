import { PageHeader } from '../components/PageHeader.tsx';

export function NotFoundPage() {
  return <PageHeader title="NotFoundPage" />;
}
