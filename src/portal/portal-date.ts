import { Type } from 'typebox';

/** The Developer Portal's date format on the wire: "2023-06-23 21:02" (UTC). */
export const PortalDate = Type.String({ description: 'YYYY-MM-DD HH:MM (UTC)' });

/** An ISO timestamp in the portal's date format. */
export function portalDate(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
