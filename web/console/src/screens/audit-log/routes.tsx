import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import { can } from '../../permissions.js';
import type { CurrentUser } from '../../session.js';
import { AuditEntryPage } from './audit-entry-page.js';
import { AuditLogPage } from './audit-log-page.js';

/** The Audit log screens, under /admin/audit-log (read-only: the log has no edit controls for anyone). */
export function AuditLogRoutes({ user }: { user: CurrentUser }) {
  if (!can(user, 'audit_logs')) return <NotFoundPage />;
  return (
    <Routes>
      <Route index element={<AuditLogPage />} />
      <Route path=":id" element={<AuditEntryPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
