import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../components/page.js';
import type { CurrentUser } from '../../session.js';
import { GuidePage } from './guides.js';
import { ProductCreatePage, ProductPage } from './product-page.js';
import { ProductsListPage } from './products-list.js';

/** Admin Portal > Products, under /admin/portal/products. */
export function PortalProductsRoutes({ user }: { user: CurrentUser }) {
  return (
    <Routes>
      <Route index element={<ProductsListPage user={user} />} />
      <Route path="new" element={<ProductCreatePage user={user} />} />
      <Route path=":id" element={<ProductPage user={user} />} />
      <Route path=":id/guides/new" element={<GuidePage user={user} />} />
      <Route path=":id/guides/:guideId" element={<GuidePage user={user} />} />
      <Route path="*" element={<NotFoundPage backTo="/portal/products" backLabel="Back to products" />} />
    </Routes>
  );
}
