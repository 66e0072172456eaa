import { notifications } from '@mantine/notifications';

/**
 * Like components/notify.ts's notifyDone, but its close button has an
 * accessible name (axe: button-name). Kept here until the shared one does the same.
 */
export function notifyDone(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000, closeButtonProps: { 'aria-label': 'Dismiss' } });
}
