import { PageHeader } from '../../components/PageHeader.tsx';

export function KpiDetailPage() {
  return <PageHeader title="KpiDetailPage" />;
}
