import { Route, Routes } from 'react-router';
import { Layout } from './layout.js';
import { ForgotPasswordPage } from './screens/auth/forgot-password.js';
import { RegisterPage } from './screens/auth/register.js';
import { ResetPasswordPage } from './screens/auth/reset-password.js';
import { SignInPage } from './screens/auth/sign-in.js';
import { GuidePage } from './screens/catalogue/guide.js';
import { HomePage } from './screens/catalogue/home.js';
import { ProductPage } from './screens/catalogue/product.js';
import { AppPage } from './screens/dashboard/app-page.js';
import { DashboardPage } from './screens/dashboard/dashboard.js';
import { BlogPage, PostPage } from './screens/content/blog.js';
import { ContentPage } from './screens/content/page.js';
import { ApiReferencePage } from './screens/reference/api-reference.js';
import { AppUsagePage } from './screens/account/app-usage.js';
import { OrganisationPage } from './screens/account/organisation.js';
import { ProfilePage } from './screens/account/profile.js';

/**
 * The Live Portal's pages, at the addresses of the map of pages (src/links.ts):
 * what visitors browse, and the sign-in, registration and password pages.
 */
export function App() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/portal/catalogue-products/:id" element={<ProductPage />} />
        <Route path="/portal/catalogue-products/:id/guides/:guideId" element={<GuidePage />} />
        <Route path="/portal/catalogue-products/:id/apis/:apiId/reference" element={<ApiReferencePage />} />
        <Route path="/blog" element={<BlogPage />} />
        <Route path="/blog/*" element={<PostPage />} />
        <Route path="/auth/password/login" element={<SignInPage />} />
        <Route path="/auth/password/register" element={<RegisterPage />} />
        <Route path="/auth/password/new" element={<ForgotPasswordPage />} />
        <Route path="/auth/password/reset" element={<ResetPasswordPage />} />
        <Route path="/portal/dashboard" element={<DashboardPage />} />
        <Route path="/portal/apps/:id" element={<AppPage />} />
        <Route path="/portal/apps/:id/usage" element={<AppUsagePage />} />
        <Route path="/portal/profile" element={<ProfilePage />} />
        <Route path="/portal/organisation" element={<OrganisationPage />} />
        {/* Last: a published content page at any address no other page takes; otherwise "Page not found". */}
        <Route path="*" element={<ContentPage />} />
      </Routes>
    </Layout>
  );
}
