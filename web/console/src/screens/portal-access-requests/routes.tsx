import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { AccessRequestPage } from './request-page.js';
import { AccessRequestsListPage } from './requests-list.js';

/** Access requests, under /admin/portal/access-requests. */
export function PortalAccessRequestsRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<AccessRequestsListPage user={user} />} />
      <Route path=":id" element={<AccessRequestPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/access-requests" backLabel="Back to access requests" />} />
    </Routes>
  );
}
