import './zodConfig';
import 'dkfds-css';
import './app.css';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppShell } from './components/AppShell';
import { Loading } from './components/Loading';
import { I18nProvider } from './i18n/I18nProvider';
import { AuditPage } from './pages/AuditPage';
import { CasePage } from './pages/CasePage';
import { CatalogAdminPage } from './pages/CatalogAdminPage';
import { CasesPage } from './pages/CasesPage';
import { CatalogPage } from './pages/CatalogPage';
import { QueuePage } from './pages/QueuePage';
import { ServiceFormPage } from './pages/ServiceFormPage';
import { WorkCasePage } from './pages/WorkCasePage';
import { WatchListPage } from './pages/WatchListPage';
import { TeamBoardPage } from './pages/TeamBoardPage';
import { AutomationPage } from './pages/AutomationPage';
import { HomePage } from './pages/HomePage';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrganisationPage } from './pages/OrganisationPage';
import { PersonPage } from './pages/PersonPage';
import { PrivacyPage } from './pages/PrivacyPage';
import { PapersPage } from './pages/PapersPage';
import { StaffFilesPage } from './pages/StaffFilesPage';
import { OperationsPage } from './pages/OperationsPage';
import { RobotsPage } from './pages/RobotsPage';
import { ProfilePage } from './pages/ProfilePage';
import { UnitPage } from './pages/UnitPage';
import {
  DecisionTablePage,
  DecisionTablesPage,
  ProcessesPage,
  ProcessPage,
} from './pages/processes/lazyPages';
import { BenefitsPage } from './pages/benefits/BenefitsPage';
import { BenefitTreePage } from './pages/benefits/BenefitTreePage';
import { BusinessCasePage } from './pages/benefits/BusinessCasePage';
import { CalculatorsPage } from './pages/benefits/CalculatorsPage';
import { KpiPage } from './pages/benefits/KpiPage';
import { ProgrammePage } from './pages/benefits/ProgrammePage';
import { ProjectPage } from './pages/benefits/ProjectPage';
import { ReportPage } from './pages/benefits/ReportPage';
import { SessionProvider, useSession } from './session/SessionProvider';

function RequireLogin({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  if (loading) return <Loading />;
  return me ? children : <Navigate to="/login" replace />;
}

function App() {
  return (
    <AppShell>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="/"
          element={
            <RequireLogin>
              <HomePage />
            </RequireLogin>
          }
        />
        <Route
          path="/profil"
          element={
            <RequireLogin>
              <ProfilePage />
            </RequireLogin>
          }
        />
        <Route
          path="/papirer"
          element={
            <RequireLogin>
              <PapersPage />
            </RequireLogin>
          }
        />
        <Route
          path="/personalesager"
          element={
            <RequireLogin>
              <StaffFilesPage />
            </RequireLogin>
          }
        />
        <Route
          path="/organisation"
          element={
            <RequireLogin>
              <OrganisationPage />
            </RequireLogin>
          }
        />
        <Route
          path="/organisation/enhed/:id"
          element={
            <RequireLogin>
              <UnitPage />
            </RequireLogin>
          }
        />
        <Route
          path="/organisation/person/:id"
          element={
            <RequireLogin>
              <PersonPage />
            </RequireLogin>
          }
        />
        <Route
          path="/revision"
          element={
            <RequireLogin>
              <AuditPage />
            </RequireLogin>
          }
        />
        <Route
          path="/import"
          element={
            <RequireLogin>
              <ImportPage />
            </RequireLogin>
          }
        />
        <Route
          path="/katalog"
          element={
            <RequireLogin>
              <CatalogAdminPage />
            </RequireLogin>
          }
        />
        <Route
          path="/processer"
          element={
            <RequireLogin>
              <ProcessesPage />
            </RequireLogin>
          }
        />
        <Route
          path="/processer/:id"
          element={
            <RequireLogin>
              <ProcessPage />
            </RequireLogin>
          }
        />
        <Route
          path="/beslutningstabeller"
          element={
            <RequireLogin>
              <DecisionTablesPage />
            </RequireLogin>
          }
        />
        <Route
          path="/beslutningstabeller/:id"
          element={
            <RequireLogin>
              <DecisionTablePage />
            </RequireLogin>
          }
        />
        <Route
          path="/services"
          element={
            <RequireLogin>
              <CatalogPage />
            </RequireLogin>
          }
        />
        <Route
          path="/services/:id"
          element={
            <RequireLogin>
              <ServiceFormPage />
            </RequireLogin>
          }
        />
        <Route
          path="/sager"
          element={
            <RequireLogin>
              <CasesPage />
            </RequireLogin>
          }
        />
        <Route
          path="/sager/:id"
          element={
            <RequireLogin>
              <CasePage />
            </RequireLogin>
          }
        />
        <Route
          path="/sagsbehandling"
          element={
            <RequireLogin>
              <QueuePage />
            </RequireLogin>
          }
        />
        <Route
          path="/sagsbehandling/obsliste"
          element={
            <RequireLogin>
              <WatchListPage />
            </RequireLogin>
          }
        />
        <Route
          path="/tavle"
          element={
            <RequireLogin>
              <TeamBoardPage />
            </RequireLogin>
          }
        />
        <Route
          path="/automatisering"
          element={
            <RequireLogin>
              <AutomationPage />
            </RequireLogin>
          }
        />
        <Route
          path="/sagsbehandling/sager/:id"
          element={
            <RequireLogin>
              <WorkCasePage />
            </RequireLogin>
          }
        />
        <Route
          path="/databeskyttelse"
          element={
            <RequireLogin>
              <PrivacyPage />
            </RequireLogin>
          }
        />
        <Route
          path="/drift"
          element={
            <RequireLogin>
              <OperationsPage />
            </RequireLogin>
          }
        />
        <Route
          path="/robotter"
          element={
            <RequireLogin>
              <RobotsPage />
            </RequireLogin>
          }
        />
        <Route
          path="/gevinster"
          element={
            <RequireLogin>
              <BenefitsPage />
            </RequireLogin>
          }
        />
        <Route
          path="/gevinster/beregnere"
          element={
            <RequireLogin>
              <CalculatorsPage />
            </RequireLogin>
          }
        />
        <Route
          path="/gevinster/programmer/:id"
          element={
            <RequireLogin>
              <ProgrammePage />
            </RequireLogin>
          }
        />
        <Route
          path="/gevinster/programmer/:id/rapport"
          element={
            <RequireLogin>
              <ReportPage />
            </RequireLogin>
          }
        />
        <Route
          path="/gevinster/projekter/:id"
          element={
            <RequireLogin>
              <ProjectPage />
            </RequireLogin>
          }
        />
        <Route
          path="/gevinster/projekter/:id/business-case"
          element={
            <RequireLogin>
              <BusinessCasePage />
            </RequireLogin>
          }
        />
        <Route
          path="/gevinster/projekter/:id/gevinsttrae"
          element={
            <RequireLogin>
              <BenefitTreePage />
            </RequireLogin>
          }
        />
        <Route
          path="/gevinster/projekter/:id/kpi"
          element={
            <RequireLogin>
              <KpiPage />
            </RequireLogin>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
