import { App as AntApp, ConfigProvider, Skeleton } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { I18nProvider, useI18n } from './i18n.tsx';
import { usePrefersReducedMotion } from './use-reduced-motion.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { AdminPage } from './pages/admin/AdminPage.tsx';
import { AuditTrailPage } from './pages/admin/AuditTrailPage.tsx';
import { EnterprisesPage } from './pages/admin/EnterprisesPage.tsx';
import { SubPlatformBrandingPage } from './pages/admin/SubPlatformBrandingPage.tsx';
import { ChangePasswordPage } from './pages/ChangePasswordPage.tsx';
import { EnterpriseHomePage } from './pages/EnterpriseHomePage.tsx';
import { ForgotPasswordPage } from './pages/forgot/ForgotPasswordPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegisterPage } from './pages/register/RegisterPage.tsx';
import { NewSelfDiagnosisPage } from './pages/self-diagnosis/NewSelfDiagnosisPage.tsx';
import { SelfDiagnosesPage } from './pages/self-diagnosis/SelfDiagnosesPage.tsx';
import { SelfDiagnosisPage } from './pages/self-diagnosis/SelfDiagnosisPage.tsx';
import { SubPlatformHomePage } from './pages/SubPlatformHomePage.tsx';
import { DirectoryPage } from './pages/directory/DirectoryPage.tsx';
import { WorkingSheetPage } from './pages/formal-rating/WorkingSheetPage.tsx';
import { PublicNoticesPage } from './pages/public-notices/PublicNoticesPage.tsx';
import { AssessmentBodiesPage } from './pages/assessors/AssessmentBodiesPage.tsx';
import { AssessorsPage } from './pages/assessors/AssessorsPage.tsx';
import { CertificatesPage } from './pages/assessors/CertificatesPage.tsx';
import { OwnAssessorPage } from './pages/assessors/OwnAssessorPage.tsx';
import { TrainingsPage } from './pages/assessors/TrainingsPage.tsx';
import { ApplicationPage } from './pages/formal-assessment/ApplicationPage.tsx';
import { FormalAssessmentPage } from './pages/formal-assessment/FormalAssessmentPage.tsx';
import { FormalAssessmentsPage } from './pages/formal-assessment/FormalAssessmentsPage.tsx';
import { CertificateManagementPage } from './pages/certificates/CertificateManagementPage.tsx';
import { SessionProvider } from './session.tsx';
import { PLATFORM_PRIMARY } from './theme.ts';

// The result page carries the charts (echarts): loaded only when a result is opened.
const ResultPage = lazy(() => import('./pages/self-diagnosis/ResultPage.tsx').then((m) => ({ default: m.ResultPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const ReviewPage = lazy(() => import('./pages/formal-rating/ReviewPage.tsx').then((m) => ({ default: m.ReviewPage })));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/r/:code', element: <SubPlatformHomePage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/account/password', element: <ChangePasswordPage /> },
      { path: '/enterprise', element: <EnterpriseHomePage /> },
      // 企业自诊断 (seed 001 §1.2–1.6)
      { path: '/self-diagnoses', element: <SelfDiagnosesPage /> },
      { path: '/self-diagnoses/new', element: <NewSelfDiagnosisPage /> },
      { path: '/self-diagnoses/:id', element: <SelfDiagnosisPage /> },
      { path: '/self-diagnoses/:id/result', element: <Suspense fallback={<Skeleton active />}><ResultPage /></Suspense> },
      // 信息查询 and 标准符合性评估 (seed 002; seed 003 §8)
      { path: '/directory', element: <DirectoryPage /> },
      { path: '/public-notices', element: <PublicNoticesPage /> },
      { path: '/formal-assessments', element: <FormalAssessmentsPage /> },
      { path: '/formal-assessments/apply', element: <ApplicationPage /> },
      { path: '/formal-assessments/:id', element: <FormalAssessmentPage /> },
      { path: '/formal-assessments/:id/working-sheet', element: <WorkingSheetPage /> },
      { path: '/formal-assessments/:id/review', element: <Suspense fallback={<Skeleton active />}><ReviewPage /></Suspense> },
      { path: '/assessors', element: <AssessorsPage /> },
      { path: '/assessors/me', element: <OwnAssessorPage /> },
      { path: '/assessment-bodies', element: <AssessmentBodiesPage /> },
      { path: '/trainings', element: <TrainingsPage /> },
      { path: '/certificates', element: <CertificatesPage /> },
      { path: '/certificate-management', element: <CertificateManagementPage /> },
      { path: '/admin', element: <AdminPage /> },
      { path: '/admin/enterprises', element: <EnterprisesPage /> },
      { path: '/admin/audit', element: <AuditTrailPage /> },
      { path: '/admin/sub-platform', element: <SubPlatformBrandingPage /> },
      { path: '/dashboard', element: <Suspense fallback={<Skeleton active />}><DashboardPage /></Suspense> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

const THEME = {
  token: {
    colorPrimary: PLATFORM_PRIMARY,
    colorLink: PLATFORM_PRIMARY,
    // antd's grey help and placeholder texts are below 4.5:1 on white; darker ones pass WCAG AA.
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};

/** antd in the chosen language, with the platform's accessible primary colour; no animations for readers who ask for reduced motion. */
export function AntdProviders({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const reducedMotion = usePrefersReducedMotion();
  const theme = useMemo(() => (reducedMotion ? { ...THEME, token: { ...THEME.token, motion: false } } : THEME), [reducedMotion]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AntdProviders>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntdProviders>
    </I18nProvider>
  );
}
