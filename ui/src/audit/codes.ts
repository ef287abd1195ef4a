/**
 * The kinds of record the audit log names (the core's table codes, `store::DOMAIN_TABLES`), in the
 * filter's order.
 */
export const AUDIT_ENTITIES = [
  "child",
  "child_care_item",
  "child_weight",
  "child_diagnosis",
  "child_guardian",
  "child_status_change",
  "score_snapshot",
  "provider",
  "provider_conditions_version",
  "survey_campaign",
  "survey_target",
  "plan",
  "plan_task",
  "team_member",
  "referral",
  "conference",
  "training_item",
  "pathway_template",
  "pathway_template_task",
  "respite_booking",
  "respite_bed_type",
  "respite_capacity_exception",
  "equipment_type",
  "equipment_unit",
  "equipment_loan",
  "consultation",
  "disaster_profile",
] as const;

export const AUDIT_ACTIONS = ["create", "update", "delete", "restore", "view"] as const;
