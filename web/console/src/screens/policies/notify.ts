import { notifications } from '@mantine/notifications';

/**
 * As components/notify.ts's notifyDone, with a named close button: Mantine's
 * has no accessible name, which axe reports as critical (button-name) while
 * the notification shows. (components/notify.ts could take this change.)
 */
export function notifyDone(message: string): void {
  notifications.show({ message, color: 'teal', autoClose: 4000, closeButtonProps: { 'aria-label': 'Dismiss' } });
}
