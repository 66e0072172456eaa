import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { PlanCreatePage, PlanPage } from './plan-form.js';
import { PlansListPage } from './plans-list.js';

/** Plans, under /admin/portal/plans. */
export function PortalPlansRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<PlansListPage user={user} />} />
      <Route path="new" element={<PlanCreatePage user={user} />} />
      <Route path=":id" element={<PlanPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/plans" backLabel="Back to plans" />} />
    </Routes>
  );
}
