import { PageHeader } from '../../components/PageHeader.tsx';

export function SignInPage() {
  return <PageHeader title="SignInPage" />;
}
