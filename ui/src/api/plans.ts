// The discharge plan commands of docs/ipc.md ("Discharge plans"). Writes take one `{ input }` and
// answer `PlanSaved`: the id of the row written and the plan page as it now is. Reads of one
// plan take its `{ plan_id }`, of a child's plan its `{ child_id }`.

import type {
  AddConferenceRequest,
  AddTaskRequest,
  AddTeamMemberRequest,
  CompleteTaskRequest,
  CreatePlanRequest,
  CreateReferralRequest,
  EndTeamMemberRequest,
  MatchRequest,
  MatchResult,
  MoveReferralRequest,
  MoveTargetDateRequest,
  PlanDetail,
  PlanSaved,
  SetPlanStatusRequest,
  SetTrainingRequest,
  UpdateConferenceRequest,
  UpdateTaskRequest,
} from "./bindings";
import { call } from "./call";

export const getPlan = (planId: string): Promise<PlanDetail> =>
  call("get_plan", { plan_id: planId });

/** The child's active plan; null when it has none. */
export const planForChild = (childId: string): Promise<PlanDetail | null> =>
  call("plan_for_child", { child_id: childId });

/** A plan for the child, its tasks made from a pathway template (the default one when none). */
export const createPlan = (input: CreatePlanRequest): Promise<PlanSaved> =>
  call("create_plan", { input });

/** A new target discharge date; the open tasks move by the same number of days. */
export const moveTargetDate = (input: MoveTargetDateRequest): Promise<PlanSaved> =>
  call("move_target_date", { input });

export const setPlanStatus = (input: SetPlanStatusRequest): Promise<PlanSaved> =>
  call("set_plan_status", { input });

export const addTask = (input: AddTaskRequest): Promise<PlanSaved> => call("add_task", { input });

export const updateTask = (input: UpdateTaskRequest): Promise<PlanSaved> =>
  call("update_task", { input });

export const completeTask = (input: CompleteTaskRequest): Promise<PlanSaved> =>
  call("complete_task", { input });

export const addTeamMember = (input: AddTeamMemberRequest): Promise<PlanSaved> =>
  call("add_team_member", { input });

export const endTeamMember = (input: EndTeamMemberRequest): Promise<PlanSaved> =>
  call("end_team_member", { input });

/** A referral as a draft; `moveReferral` with status `sent` sends it. */
export const createReferral = (input: CreateReferralRequest): Promise<PlanSaved> =>
  call("create_referral", { input });

/** One step of a referral: sent, accepted (the provider joins the team), declined, … */
export const moveReferral = (input: MoveReferralRequest): Promise<PlanSaved> =>
  call("move_referral", { input });

export const addConference = (input: AddConferenceRequest): Promise<PlanSaved> =>
  call("add_conference", { input });

export const updateConference = (input: UpdateConferenceRequest): Promise<PlanSaved> =>
  call("update_conference", { input });

export const setTraining = (input: SetTrainingRequest): Promise<PlanSaved> =>
  call("set_training", { input });

/** Which providers of a kind could take the child, condition by condition. */
export const matchProviders = (input: MatchRequest): Promise<MatchResult> =>
  call("match_providers", { input });
