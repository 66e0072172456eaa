import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { UserCreatePage, UserPage } from './user-pages.js';
import { UsersListPage } from './users-list.js';

/** The Users screens, under /admin/users. */
export function UsersRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<UsersListPage user={user} />} />
      <Route path="new" element={<UserCreatePage user={user} />} />
      <Route path=":id" element={<UserPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/users" backLabel="Back to users" />} />
    </Routes>
  );
}
