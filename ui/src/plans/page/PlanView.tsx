import { Grid, Stack } from "@mantine/core";
import { useState } from "react";
import type { PlanDetail, Role } from "../../api";
import { ConferencesSection } from "./ConferencesSection";
import { FindProviders } from "./FindProviders";
import { PlanHeader } from "./PlanHeader";
import { PlanTimeline } from "./PlanTimeline";
import { ReferralsSection } from "./ReferralsSection";
import { TasksSection } from "./TasksSection";
import { TeamSection } from "./TeamSection";
import { TrainingSection } from "./TrainingSection";

/**
 * The plan page: the child and the target date, the timeline, the team with its open roles beside
 * the referrals, finding providers for the open roles, the tasks, then the conferences and the
 * family training.
 */
export function PlanView({ detail }: { detail: PlanDetail }) {
  const [openRole, setOpenRole] = useState<Role | null>(null);
  const find = (role: Role) => {
    setOpenRole(role);
    requestAnimationFrame(() =>
      document.getElementById("plan-find")?.scrollIntoView({ behavior: "smooth", block: "start" }),
    );
  };
  return (
    <Stack gap="md" data-testid="plan-page">
      <PlanHeader detail={detail} />
      <PlanTimeline detail={detail} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <TeamSection detail={detail} onFind={find} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ReferralsSection detail={detail} />
        </Grid.Col>
        <Grid.Col span={12}>
          <FindProviders detail={detail} openRole={openRole} onOpenRole={setOpenRole} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TasksSection detail={detail} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ConferencesSection detail={detail} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <TrainingSection detail={detail} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
