import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { PageHeader } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';

/** The Audit log screens, under /admin/audit-log. */
export function AuditLogRoutes({ user }: { user: CurrentUser }) {
  void user;
  return (
    <Routes>
      <Route index element={<PageHeader title="Audit log" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
