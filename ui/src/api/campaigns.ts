// The survey campaign commands of docs/ipc.md ("Survey campaigns"). Writes take one `{ input }`;
// reads of one campaign take its `{ campaign_id }`.

import type {
  AddTargetsRequest,
  CampaignDetail,
  CampaignInput,
  CampaignSummary,
  CampaignTarget,
  ChaseListSaved,
  ChaseRow,
  RecordAnswerRequest,
  SetTargetStateRequest,
} from "./bindings";
import { call } from "./call";

/** Answers the new campaign's id. */
export const createCampaign = (input: CampaignInput): Promise<string> =>
  call("create_campaign", { input });

/** More providers for a campaign; answers how many were added (those already on it are skipped). */
export const addCampaignTargets = (input: AddTargetsRequest): Promise<number> =>
  call("add_campaign_targets", { input });

/** A call, a visit, no answer, or sent again; answers the target as it now stands. */
export const setTargetState = (input: SetTargetStateRequest): Promise<CampaignTarget> =>
  call("set_target_state", { input });

/** The target's answer, recorded as a new version of its provider's conditions. */
export const recordSurveyAnswer = (input: RecordAnswerRequest): Promise<CampaignTarget> =>
  call("record_survey_answer", { input });

/** Every campaign with its progress, the latest sent first. */
export const listCampaigns = (): Promise<CampaignSummary[]> => call("list_campaigns");

export const getCampaign = (campaignId: string): Promise<CampaignDetail> =>
  call("get_campaign", { campaign_id: campaignId });

/** The targets still to be chased, with phone, FAX and contact person. */
export const chaseList = (campaignId: string): Promise<ChaseRow[]> =>
  call("chase_list", { campaign_id: campaignId });

/** Opens the native save dialog and writes the chase list as CSV; null when cancelled. */
export const saveChaseList = (campaignId: string): Promise<ChaseListSaved | null> =>
  call("save_chase_list", { campaign_id: campaignId });
