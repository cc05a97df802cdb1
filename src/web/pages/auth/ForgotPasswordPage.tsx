import { PageHeader } from '../../components/PageHeader.tsx';

export function ForgotPasswordPage() {
  return <PageHeader title="ForgotPasswordPage" />;
}
