import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from '@mantine/hooks';

/**
 * Mantine's PasswordInput, with what assistive technology needs when the field
 * is wrong: Mantine marks the input only with `data-invalid` and does not link
 * the error text, so this sets `aria-invalid` and points `aria-describedby` at
 * the error. Every password field of both web apps is one of these.
 */
export function PasswordField({ id, error, errorProps, ...rest }: PasswordInputProps) {
  const inputId = useId(id);
  const errorId = `${inputId}-error`;
  const invalid = error !== undefined && error !== null && error !== false && error !== '';
  return (
    <PasswordInput
      {...rest}
      id={inputId}
      error={error}
      errorProps={{ ...errorProps, id: errorId }}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? errorId : undefined}
    />
  );
}
