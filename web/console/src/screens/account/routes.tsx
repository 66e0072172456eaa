import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { AccountPage } from './account-page.js';

/** The My account screens, under /admin/account. */
export function AccountRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<AccountPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/account" backLabel="Back to my account" />} />
    </Routes>
  );
}
