import { Card, Stepper } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useWorkspace } from '../../app/workspace-context.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { StepProgress } from '../../components/StepProgress.tsx';
import { useNarrowScreen } from '../../components/use-narrow-screen.ts';
import { AgreeStep } from './AgreeStep.tsx';
import { AssistantStep } from './AssistantStep.tsx';
import { InviteStep } from './InviteStep.tsx';
import { ProposeKpisStep } from './ProposeKpisStep.tsx';
import { RoleStep } from './RoleStep.tsx';
import { WorkspaceStep } from './WorkspaceStep.tsx';

export const STEPS = ['workspace', 'assistant', 'role', 'kpis', 'invite', 'agree'] as const;
export type StepId = (typeof STEPS)[number];
const LABELS = ['Workspace', 'Assistant', 'Role', 'KPIs', 'Invite', 'Agree'] as const;

/**
 * Week 1 of SPEC §8 as a wizard: workspace → assistant (zone, hours, days off) → role template →
 * 3–5 KPIs → invite the assistant → both agree → the baseline starts. The step and the assistant
 * are in the address, so the wizard can be left and resumed.
 */
export function OnboardingPage() {
  const { ws } = useWorkspace();
  const search = useSearch({ from: '/w/$ws/onboarding' });
  const navigate = useNavigate({ from: '/w/$ws/onboarding' });
  const step = STEPS.includes(search.step as StepId) ? (search.step as StepId) : 'workspace';
  const index = STEPS.indexOf(step);
  const assistant = search.assistant;
  const go = (next: StepId, assistantId = assistant) =>
    void navigate({ search: { step: next, ...(assistantId ? { assistant: assistantId } : {}) } });
  const reachable = (i: number) => i <= index || (assistant !== undefined && i <= STEPS.length - 1);
  const narrow = useNarrowScreen();

  return (
    <>
      <PageHeader
        title="Set up an assistant"
        description="About ten minutes. Everything can be changed later in Settings."
      />
      <Card p={{ base: 'sm', sm: 'lg' }}>
        {narrow && <StepProgress labels={LABELS} active={index} />}
        <Stepper
          active={index}
          onStepClick={(i) => reachable(i) && go(STEPS[i] ?? 'workspace')}
          size="sm"
          allowNextStepsSelect={false}
          orientation="horizontal"
          wrap
          styles={{ steps: narrow ? { display: 'none' } : { flexWrap: 'wrap', rowGap: 8 } }}
        >
          <Stepper.Step label={LABELS[0]}>
            <WorkspaceStep ws={ws} onNext={() => go('assistant')} />
          </Stepper.Step>
          <Stepper.Step label={LABELS[1]}>
            <AssistantStep ws={ws} assistantId={assistant} onNext={(id) => go('role', id)} />
          </Stepper.Step>
          <Stepper.Step label={LABELS[2]}>
            {assistant && <RoleStep ws={ws} assistantId={assistant} onNext={() => go('kpis')} />}
          </Stepper.Step>
          <Stepper.Step label={LABELS[3]}>
            {assistant && <ProposeKpisStep ws={ws} assistantId={assistant} onNext={() => go('invite')} />}
          </Stepper.Step>
          <Stepper.Step label={LABELS[4]}>
            {assistant && <InviteStep ws={ws} assistantId={assistant} onNext={() => go('agree')} />}
          </Stepper.Step>
          <Stepper.Step label={LABELS[5]}>
            {assistant && <AgreeStep ws={ws} assistantId={assistant} />}
          </Stepper.Step>
        </Stepper>
      </Card>
    </>
  );
}
