import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { I18nProvider } from './i18n.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { SessionProvider } from './session.tsx';

// Every page but the home page is its own chunk, loaded when its route is opened (AppLayout shows a
// placeholder meanwhile): the first page downloads only what it shows (issue 12 §4). The home page and
// the layout use no antd; every other page is rendered inside antd's providers, loaded with the first
// of them (WithAntd).
const WithAntd = lazy(() => import('./AntdProviders.tsx'));
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const NotFoundPage = page(() => import('./pages/NotFoundPage.tsx'), 'NotFoundPage');
const AdminPage = page(() => import('./pages/admin/AdminPage.tsx'), 'AdminPage');
const AuditTrailPage = page(() => import('./pages/admin/AuditTrailPage.tsx'), 'AuditTrailPage');
const EnterprisesPage = page(() => import('./pages/admin/EnterprisesPage.tsx'), 'EnterprisesPage');
const SubPlatformBrandingPage = page(() => import('./pages/admin/SubPlatformBrandingPage.tsx'), 'SubPlatformBrandingPage');
const ChangePasswordPage = page(() => import('./pages/ChangePasswordPage.tsx'), 'ChangePasswordPage');
const EnterpriseHomePage = page(() => import('./pages/EnterpriseHomePage.tsx'), 'EnterpriseHomePage');
const ForgotPasswordPage = page(() => import('./pages/forgot/ForgotPasswordPage.tsx'), 'ForgotPasswordPage');
const LoginPage = page(() => import('./pages/LoginPage.tsx'), 'LoginPage');
const RegisterPage = page(() => import('./pages/register/RegisterPage.tsx'), 'RegisterPage');
const NewSelfDiagnosisPage = page(() => import('./pages/self-diagnosis/NewSelfDiagnosisPage.tsx'), 'NewSelfDiagnosisPage');
const SelfDiagnosesPage = page(() => import('./pages/self-diagnosis/SelfDiagnosesPage.tsx'), 'SelfDiagnosesPage');
const SelfDiagnosisPage = page(() => import('./pages/self-diagnosis/SelfDiagnosisPage.tsx'), 'SelfDiagnosisPage');
const SubPlatformHomePage = page(() => import('./pages/SubPlatformHomePage.tsx'), 'SubPlatformHomePage');
const DirectoryPage = page(() => import('./pages/directory/DirectoryPage.tsx'), 'DirectoryPage');
const WorkingSheetPage = page(() => import('./pages/formal-rating/WorkingSheetPage.tsx'), 'WorkingSheetPage');
const PublicNoticesPage = page(() => import('./pages/public-notices/PublicNoticesPage.tsx'), 'PublicNoticesPage');
const AssessmentBodiesPage = page(() => import('./pages/assessors/AssessmentBodiesPage.tsx'), 'AssessmentBodiesPage');
const AssessorsPage = page(() => import('./pages/assessors/AssessorsPage.tsx'), 'AssessorsPage');
const CertificatesPage = page(() => import('./pages/assessors/CertificatesPage.tsx'), 'CertificatesPage');
const OwnAssessorPage = page(() => import('./pages/assessors/OwnAssessorPage.tsx'), 'OwnAssessorPage');
const TrainingsPage = page(() => import('./pages/assessors/TrainingsPage.tsx'), 'TrainingsPage');
const ApplicationPage = page(() => import('./pages/formal-assessment/ApplicationPage.tsx'), 'ApplicationPage');
const FormalAssessmentPage = page(() => import('./pages/formal-assessment/FormalAssessmentPage.tsx'), 'FormalAssessmentPage');
const FormalAssessmentsPage = page(() => import('./pages/formal-assessment/FormalAssessmentsPage.tsx'), 'FormalAssessmentsPage');
const CertificateManagementPage = page(() => import('./pages/certificates/CertificateManagementPage.tsx'), 'CertificateManagementPage');
const ResultPage = page(() => import('./pages/self-diagnosis/ResultPage.tsx'), 'ResultPage');
const PublicStatisticsPage = page(() => import('./pages/statistics/PublicStatisticsPage.tsx'), 'PublicStatisticsPage');
const DashboardPage = page(() => import('./pages/dashboard/DashboardPage.tsx'), 'DashboardPage');
const CampaignsPage = page(() => import('./pages/campaigns/CampaignsPage.tsx'), 'CampaignsPage');
const CampaignPage = page(() => import('./pages/campaigns/CampaignPage.tsx'), 'CampaignPage');
const ReviewPage = page(() => import('./pages/formal-rating/ReviewPage.tsx'), 'ReviewPage');

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      {
        element: <WithAntd />,
        children: [
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
          { path: '/self-diagnoses/:id/result', element: <ResultPage /> },
          // 信息查询 and 标准符合性评估 (seed 002; seed 003 §8)
          { path: '/directory', element: <DirectoryPage /> },
          { path: '/public-notices', element: <PublicNoticesPage /> },
          { path: '/formal-assessments', element: <FormalAssessmentsPage /> },
          { path: '/formal-assessments/apply', element: <ApplicationPage /> },
          { path: '/formal-assessments/:id', element: <FormalAssessmentPage /> },
          { path: '/formal-assessments/:id/working-sheet', element: <WorkingSheetPage /> },
          { path: '/formal-assessments/:id/review', element: <ReviewPage /> },
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
          { path: '/dashboard', element: <DashboardPage /> },
          { path: '/statistics', element: <PublicStatisticsPage /> },
          { path: '/campaigns', element: <CampaignsPage /> },
          { path: '/campaigns/:id', element: <CampaignPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </I18nProvider>
  );
}
