import { PageHeader } from '../../components/PageHeader.tsx';

export function OnboardingPage() {
  return <PageHeader title="OnboardingPage" />;
}
