import { Button, PasswordInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { FormError } from './FormError.tsx';

export interface NewPasswordFieldsProps {
  label: string;
  description?: string;
  password: string;
  confirm: string;
  onPassword: (e: ChangeEvent<HTMLInputElement>) => void;
  onConfirm: (e: ChangeEvent<HTMLInputElement>) => void;
  /** The form's own complaint (passwordProblem), shown before the server's error. */
  problem: string | null;
  error: Error | null;
  pending: boolean;
  submitLabel: string;
}

/**
 * The end of every form that sets a password (first workspace, invitation, password link): the
 * password twice, what is wrong with it, and the submit button.
 */
export function NewPasswordFields(p: NewPasswordFieldsProps) {
  return (
    <>
      <PasswordInput
        label={p.label}
        description={p.description}
        autoComplete="new-password"
        required
        value={p.password}
        onChange={p.onPassword}
      />
      <PasswordInput
        label="The same password again"
        autoComplete="new-password"
        required
        value={p.confirm}
        onChange={p.onConfirm}
      />
      <FormError error={p.problem ? new Error(p.problem) : p.error} />
      <Button type="submit" loading={p.pending} fullWidth>
        {p.submitLabel}
      </Button>
    </>
  );
}
