import { Alert, AppShell, Burger, Button, Group, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes } from "react-router";
import { LanguageSwitch } from "../app/LanguageSwitch";
import { useSession } from "../app/session";
import { AuditPage } from "../audit/AuditPage";
import { AutoLock } from "../autolock/AutoLock";
import { useLockKeepingDraft } from "../autolock/useLock";
import { CampaignListPage } from "../campaigns/list/CampaignListPage";
import { NewCampaignPage } from "../campaigns/new/NewCampaignPage";
import { CampaignPage } from "../campaigns/page/CampaignPage";
import { EditCasePage } from "../cases/form/EditCasePage";
import { NewCasePage } from "../cases/form/NewCasePage";
import { CaseListPage } from "../cases/list/CaseListPage";
import { CasePage } from "../cases/page/CasePage";
import { ConsultationsPage } from "../consultations/ConsultationsPage";
import { DisasterProfilePage } from "../disaster/profile/DisasterProfilePage";
import { RosterPage } from "../disaster/roster/RosterPage";
import { EquipmentPage } from "../equipment/EquipmentPage";
import { MunicipalitiesPage } from "../municipalities/MunicipalitiesPage";
import { PlanningDashboardPage } from "../planning/dashboard/PlanningDashboardPage";
import { TemplateEditorPage } from "../planning/templates/TemplateEditorPage";
import { TemplateListPage } from "../planning/templates/TemplateListPage";
import { PlanPage } from "../plans/PlanPage";
import { EditProviderPage } from "../providers/form/EditProviderPage";
import { NewProviderPage } from "../providers/form/NewProviderPage";
import { ImportPage } from "../providers/import/ImportPage";
import { ProviderListPage } from "../providers/list/ProviderListPage";
import { ProviderPage } from "../providers/page/ProviderPage";
import { RespitePage } from "../respite/RespitePage";
import { SettingsPage } from "../settings/SettingsPage";
import { RoleBadge } from "../users/RoleBadge";
import { AREAS, areaPath } from "./areas";
import { ComingSoon } from "./ComingSoon";
import { Navigation } from "./Navigation";
import { ScrollToTop } from "./ScrollToTop";

/** The unlocked app: header with name, language and lock; navigation; the area's page. */
export function Shell({ dataDir }: { dataDir: string }) {
  const { t } = useTranslation();
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  // Keeps the open form's unsaved input (sealed) to give back after unlock.
  const locking = useLockKeepingDraft();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpen}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label={t("shell.toggleNavigation")}
            />
            <Text component="span" fw={700} size="xl" c="teal.8">
              {t("app.name")}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SignedInUser />
            <LanguageSwitch />
            <Button
              variant="default"
              onClick={() => locking.mutate()}
              loading={locking.isPending}
              data-testid="lock-button"
            >
              {t("shell.lock")}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t("shell.navigation")}>
        <Navigation onNavigate={closeNav} />
      </AppShell.Navbar>

      <AppShell.Main>
        {locking.error && (
          <Alert color="red" mb="md" title={t(`errorKind.${locking.error.kind}`)}>
            {locking.error.message}
          </Alert>
        )}
        <ScrollToTop />
        <AutoLock />
        <Routes>
          <Route index element={<Navigate to={areaPath("cases")} replace />} />
          {AREAS.filter((area) => !area.ready).map(({ key }) => (
            <Route key={key} path={areaPath(key)} element={<ComingSoon area={key} />} />
          ))}
          <Route path={areaPath("cases")} element={<CaseListPage />} />
          <Route path={`${areaPath("cases")}/new`} element={<NewCasePage />} />
          <Route path={`${areaPath("cases")}/:id`} element={<CasePage />} />
          <Route path={`${areaPath("cases")}/:id/edit`} element={<EditCasePage />} />
          <Route path={`${areaPath("cases")}/:id/plan`} element={<PlanPage />} />
          <Route path={`${areaPath("cases")}/:id/disaster`} element={<DisasterProfilePage />} />
          <Route path={areaPath("providers")} element={<ProviderListPage />} />
          <Route path={`${areaPath("providers")}/new`} element={<NewProviderPage />} />
          <Route path={`${areaPath("providers")}/import`} element={<ImportPage />} />
          <Route path={`${areaPath("providers")}/:id`} element={<ProviderPage />} />
          <Route path={`${areaPath("providers")}/:id/edit`} element={<EditProviderPage />} />
          <Route path={areaPath("surveys")} element={<CampaignListPage />} />
          <Route path={`${areaPath("surveys")}/new`} element={<NewCampaignPage />} />
          <Route path={`${areaPath("surveys")}/:id`} element={<CampaignPage />} />
          <Route path={areaPath("municipalities")} element={<MunicipalitiesPage />} />
          <Route path={areaPath("planning")} element={<PlanningDashboardPage />} />
          <Route path={areaPath("respite")} element={<RespitePage />} />
          <Route path={areaPath("equipment")} element={<EquipmentPage />} />
          <Route path={areaPath("consultations")} element={<ConsultationsPage />} />
          <Route path={areaPath("disaster")} element={<RosterPage />} />
          <Route path={areaPath("audit")} element={<AuditPage />} />
          <Route path={areaPath("settings")} element={<SettingsPage dataDir={dataDir} />} />
          <Route path={`${areaPath("settings")}/templates`} element={<TemplateListPage />} />
          <Route path={`${areaPath("settings")}/templates/:id`} element={<TemplateEditorPage />} />
          <Route path="*" element={<Navigate to={areaPath("cases")} replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}

/** Who is signed in: 山田 花子 with a badge of their role, so a shared PC shows whose session it is. */
function SignedInUser() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const role = t(`session.role.${session.role}`);
  return (
    <Group
      gap={6}
      wrap="nowrap"
      visibleFrom="xs"
      data-testid="session-user"
      aria-label={t("session.signedIn", { name: session.display_name, role })}
      role="group"
    >
      <Text component="span" fw={500} truncate maw={220}>
        {session.display_name}
      </Text>
      <RoleBadge role={session.role} testId="session-role" />
    </Group>
  );
}
