import { notifications } from '@mantine/notifications';

/** A short confirmation that something was done ("API saved"); announced politely to screen readers. */
export function notifyDone(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000 });
}
