import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { AccessReviewPage } from './access-review.js';

/** Access review, under /admin/portal/access-review. */
export function PortalAccessReviewRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<AccessReviewPage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/access-review" backLabel="Back to the access review" />} />
    </Routes>
  );
}
