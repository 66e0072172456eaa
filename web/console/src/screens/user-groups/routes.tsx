import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { GroupCreatePage, GroupPage, GroupsListPage } from './group-pages.js';

/** The User groups screens, under /admin/user-groups. */
export function UserGroupsRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<GroupsListPage user={user} />} />
      <Route path="new" element={<GroupCreatePage user={user} />} />
      <Route path=":id" element={<GroupPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/user-groups" backLabel="Back to user groups" />} />
    </Routes>
  );
}
