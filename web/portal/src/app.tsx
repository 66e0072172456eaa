import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './layout.js';
import { HomePage } from './screens/catalogue/home.js';

// The home page comes with the first load; every other page is its own chunk, fetched when first opened,
// so a visitor's first page carries neither the Markdown renderer nor the signed-in pages.
const ForgotPasswordPage = lazy(() => import('./screens/auth/forgot-password.js').then((m) => ({ default: m.ForgotPasswordPage })));
const RegisterPage = lazy(() => import('./screens/auth/register.js').then((m) => ({ default: m.RegisterPage })));
const ResetPasswordPage = lazy(() => import('./screens/auth/reset-password.js').then((m) => ({ default: m.ResetPasswordPage })));
const SignInPage = lazy(() => import('./screens/auth/sign-in.js').then((m) => ({ default: m.SignInPage })));
const GuidePage = lazy(() => import('./screens/catalogue/guide.js').then((m) => ({ default: m.GuidePage })));
const ProductPage = lazy(() => import('./screens/catalogue/product.js').then((m) => ({ default: m.ProductPage })));
const AppPage = lazy(() => import('./screens/dashboard/app-page.js').then((m) => ({ default: m.AppPage })));
const DashboardPage = lazy(() => import('./screens/dashboard/dashboard.js').then((m) => ({ default: m.DashboardPage })));
const BlogPage = lazy(() => import('./screens/content/blog.js').then((m) => ({ default: m.BlogPage })));
const PostPage = lazy(() => import('./screens/content/blog.js').then((m) => ({ default: m.PostPage })));
const ContentPage = lazy(() => import('./screens/content/page.js').then((m) => ({ default: m.ContentPage })));
const ApiReferencePage = lazy(() => import('./screens/reference/api-reference.js').then((m) => ({ default: m.ApiReferencePage })));
const AppUsagePage = lazy(() => import('./screens/account/app-usage.js').then((m) => ({ default: m.AppUsagePage })));
const OrganisationPage = lazy(() => import('./screens/account/organisation.js').then((m) => ({ default: m.OrganisationPage })));
const ProfilePage = lazy(() => import('./screens/account/profile.js').then((m) => ({ default: m.ProfilePage })));

/**
 * The Live Portal's pages, at the addresses of the map of pages (src/links.ts):
 * what visitors browse, and the sign-in, registration and password pages.
 */
export function App() {
  return (
    <Layout>
      <Suspense
        fallback={
          <Center py="xl">
            <Loader aria-label="Loading the page" role="status" />
          </Center>
        }
      >
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
      </Suspense>
    </Layout>
  );
}
