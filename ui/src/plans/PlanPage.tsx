import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CreatePlanForm } from "./create/CreatePlanForm";
import { PlanView } from "./page/PlanView";
import { usePlanForChild } from "./usePlan";

/**
 * `/cases/:id/plan`: the child's active discharge plan, or, when the child has none, the form
 * that creates one from a pathway template.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const plan = usePlanForChild(id);

  if (plan.isPending) return <Text c="dimmed">{t("plan.loading")}</Text>;
  if (plan.isError) {
    return (
      <Stack align="flex-start">
        <Alert
          color="red"
          title={plan.error.kind === "not_found" ? t("plan.childNotFound") : t("plan.loadError")}
        >
          {plan.error.message}
        </Alert>
        <Button component={Link} to={`/cases/${id}`} variant="default">
          {t("plan.backToCase")}
        </Button>
      </Stack>
    );
  }
  if (plan.data === null) return <CreatePlanForm childId={id} />;
  return <PlanView detail={plan.data} />;
}
