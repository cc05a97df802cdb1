import { PageHeader } from '../../components/PageHeader.tsx';

export function ResetPasswordPage() {
  return <PageHeader title="ResetPasswordPage" />;
}
