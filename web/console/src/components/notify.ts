import { notifications } from '@mantine/notifications';

/**
 * A short confirmation that something was done ("API saved"); announced politely
 * to screen readers. The close button is named: Mantine's × has no accessible
 * name of its own.
 */
export function notifyDone(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000, closeButtonProps: { 'aria-label': 'Dismiss notification' } });
}
