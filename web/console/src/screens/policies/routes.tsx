import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { PolicyCreatePage, PolicyDetailPage, PolicyEditPage } from './detail.js';
import { PolicyListPage } from './list.js';

const NOT_FOUND = <NotFoundPage backTo="/policies" backLabel="Back to policies" />;

/** The Policies screens, under /admin/policies. */
export function PoliciesRoutes({ user }: { user: CurrentUser }) {
  if (!can(user, 'policies')) return <NotFoundPage />;
  const canWrite = can(user, 'policies', 'write');
  return (
    <Routes>
      <Route index element={<PolicyListPage canWrite={canWrite} />} />
      {canWrite && <Route path="new" element={<PolicyCreatePage />} />}
      <Route path=":id" element={<PolicyDetailPage canWrite={canWrite} />} />
      {canWrite && <Route path=":id/edit" element={<PolicyEditPage />} />}
      <Route path="*" element={NOT_FOUND} />
    </Routes>
  );
}
