import { Alert } from '@mantine/core';
import { errorMessage } from '../api/api-error.ts';

/** A form's failure, announced and shown above its submit button. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="orange" variant="light" role="alert" p="sm">
      {errorMessage(error)}
    </Alert>
  );
}
