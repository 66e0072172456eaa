import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { ContentCreatePage, ContentPage } from './content-editor.js';
import { ContentListPage } from './content-list.js';
import type { ContentKind } from './queries.js';

const KINDS: readonly ContentKind[] = ['posts', 'pages'];

/** Content (blog posts and pages of the Live Portal), under /admin/portal/content. */
export function PortalContentRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<Navigate to="posts" replace />} />
      {KINDS.map((kind) => (
        <Route key={kind} path={kind}>
          <Route index element={<ContentListPage key={kind} user={user} kind={kind} />} />
          <Route path="new" element={<ContentCreatePage key={kind} user={user} kind={kind} />} />
          <Route path=":id" element={<ContentPage key={kind} user={user} kind={kind} />} />
        </Route>
      ))}
      <Route path="*" element={<NotFoundPage backTo="/portal/content" backLabel="Back to content" />} />
    </Routes>
  );
}
