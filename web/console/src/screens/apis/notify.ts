import { notifications } from '@mantine/notifications';

/**
 * notifyDone of components/notify.ts, with a named close button: Mantine's
 * notification × has no accessible name by default (axe: button-name,
 * critical). The shared helper should take this over; until then the APIs
 * screens use this one.
 */
export function notifyDone(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000, closeButtonProps: { 'aria-label': 'Dismiss notification' } });
}
