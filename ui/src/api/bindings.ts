// Generated from the Rust types by crates/core/src/bindings.rs (ts-rs). Do not edit.
// Regenerate: UPDATE_BINDINGS=1 cargo test -p kakehashi bindings

export type Lang = "ja" | "en";

export type ErrorKind = "validation" | "not_found" | "conflict" | "locked" | "forbidden" | "io" | "internal";

export type ApiError = { kind: ErrorKind, message: string, field: string | null, };

export type VaultState = "needs_setup" | "locked" | "unlocked";

export type UserRole = "admin" | "coordinator" | "viewer";

export type Permission = "read" | "write" | "admin";

export type Session = { user_id: string, login: string, display_name: string, role: UserRole, 
/**
 * What the role allows, from [`UserRole::allows`]: the screens offer only these (the core
 * still checks every call).
 */
permissions: Array<Permission>, };

export type UserSummary = { user_id: string, login: string, display_name: string, role: UserRole, 
/**
 * The signed-in user.
 */
is_me: boolean, };

export type NewUserRequest = { login: string, display_name: string, role: UserRole, passphrase: string, confirmation: string, };

export type UpdateUserRequest = { user_id: string, display_name: string, role: UserRole, };

export type ResetPassphraseRequest = { user_id: string, passphrase: string, confirmation: string, };

export type ChangePassphraseRequest = { current: string, passphrase: string, confirmation: string, };

export type RecoveryKey = { key: string, };

export type AppStatus = { state: VaultState, data_dir: string, problem: ApiError | null, 
/**
 * The users' logins, for the lock screen (no secret: staff login ids).
 */
logins: Array<string>, 
/**
 * The signed-in user when unlocked.
 */
session: Session | null, };

export type PassphraseStrength = { 
/**
 * zxcvbn score, 0 (guessable in seconds) to 4 (very strong).
 */
score: number, acceptable: boolean, hint: string | null, };

export type SetupRequest = { login: string, display_name: string, passphrase: string, confirmation: string, };

export type SetupAnswer = { status: AppStatus, recovery_key: RecoveryKey, };

export type UnlockRequest = { login: string, passphrase: string, };

export type RecoverRequest = { login: string, recovery_key: string, passphrase: string, confirmation: string, };

export type AutoLockSettings = { minutes: number, idle_seconds: number, };

export type MunicipalityKind = "city" | "town" | "village" | "ward";

export type Municipality = { code6: string, code5: string, name: string, kana: string, kind: MunicipalityKind, parent_code6: string | null, lat: number, lon: number, };

export type MunicipalityQuery = { 
/**
 * Name, reading (hiragana or katakana, full or half width) or code prefix; empty = all.
 */
query: string, };

export type Sex = "female" | "male" | "other" | "unknown";

export type ChildStatus = "referred" | "inpatient_planning" | "at_home" | "readmitted" | "transitioned" | "deceased" | "closed";

export type CareItemCode = "ventilator" | "tracheostomy" | "nasopharyngeal_airway" | "oxygen" | "suction" | "nebulizer" | "tube_feeding" | "tube_feeding_pump" | "central_venous_catheter" | "subcutaneous_injection" | "subcutaneous_pump" | "blood_glucose" | "dialysis" | "urinary_catheter_intermittent" | "urinary_catheter_continuous" | "bowel_stoma" | "bowel_disimpaction" | "bowel_enema" | "seizure_care";

export type Supervision = "high" | "medium" | "low";

export type FeedingRoute = "nasogastric" | "gastrostomy" | "esophagostomy" | "nasointestinal" | "gastrojejunal" | "jejunostomy";

export type SuctionFrequency = "hourly_or_more" | "six_per_day_or_more" | "less";

export type Mobility = "bedridden" | "sitting" | "walking_impaired" | "walking" | "running";

export type CareItemDetails = { 
/**
 * Device model (ventilator, pump…)
 */
device: string | null, 
/**
 * Tracheostomy cannula size, e.g. "3.5"
 */
cannula_size: string | null, 
/**
 * tube_feeding only
 */
feeding_route: FeedingRoute | null, 
/**
 * Hours per day the device is used (ventilator, oxygen…), 0–24
 */
hours_per_day: number | null, 
/**
 * suction only
 */
suction_frequency: SuctionFrequency | null, 
/**
 * nebulizer only: times per day
 */
nebulizer_per_day: number | null, 
/**
 * nebulizer only: used continuously
 */
nebulizer_continuous: boolean, 
/**
 * urinary_catheter_intermittent only: times per day
 */
catheterizations_per_day: number | null, note: string | null, };

export type CareItemEntry = { code: CareItemCode, supervision: Supervision, details: CareItemDetails, 
/**
 * ISO date; `None` = unknown
 */
start_date: string | null, 
/**
 * ISO date; `None` = ongoing
 */
end_date: string | null, };

export type SevereFactors = { mobility: Mobility | null, 
/**
 * SaO2 90%以下の状態が10%以上 (item 4 without oxygen)
 */
low_spo2: boolean, 
/**
 * 経口摂取（全介助） (item 8, when not tube fed)
 */
oral_full_assistance: boolean, 
/**
 * 過緊張で発汗による更衣と姿勢修正を3回以上/日 (item 10)
 */
hypertonia_care: boolean, 
/**
 * 体位交換 per day (item 14 at 6 or more)
 */
position_changes_per_day: number | null, };

export type MedicalCareBand = "below_threshold" | "medical_care_child" | "staffing_2_to_1" | "staffing_1_to_1";

export type MedicalCareLine = { code: CareItemCode, 
/**
 * The item's Japanese label.
 */
label: string, base: number, 
/**
 * The level as entered (even when it earns nothing, see `note`).
 */
supervision: Supervision, supervision_points: number, 
/**
 * `base + supervision_points`
 */
points: number, 
/**
 * Why the supervision points differ from the table, when they do.
 */
note: string | null, };

export type MedicalCareScore = { rules_version: string, 
/**
 * The sum of the lines' points.
 */
total: number, band: MedicalCareBand, 
/**
 * One line per care item active on the day, in the table's order.
 */
lines: Array<MedicalCareLine>, };

export type Condition = "met" | "not_met" | "unknown";

export type SevereClass = "super_severe" | "quasi_severe" | "none" | "undetermined";

export type SevereLine = { 
/**
 * The item's number, 1–14. Item 9 can give two lines: 腸ろう・腸管栄養 and its pump.
 */
item_no: number, 
/**
 * The row as the 判定基準 words it.
 */
label: string, points: number, 
/**
 * What in the child's record made it count.
 */
reason: string, };

export type SevereScore = { rules_version: string, 
/**
 * The sum of the lines' points.
 */
total: number, class: SevereClass, 
/**
 * Condition 1: 運動機能が座位まで.
 */
mobility_condition: Condition, 
/**
 * Condition 2's duration: whether the earliest counted care item started at least six
 * months before the day. Shown for the coordinator to confirm, not used to decide the
 * class: the record cannot tell when the whole score was reached, and the shorter rule
 * for children out of a NICU is still to be confirmed.
 */
duration_condition: Condition, 
/**
 * The rows that counted, by item number.
 */
lines: Array<SevereLine>, };

export type ScoreRequest = { care_items: Array<CareItemEntry>, severe_factors: SevereFactors, };

export type Scores = { 
/**
 * ISO date the scores were computed for
 */
on: string, medical_care: MedicalCareScore, severe: SevereScore, };

export type Diagnosis = { text: string, icd10: string | null, perinatal: boolean, };

export type Residence = { 
/**
 * 〒 7 digits, with or without the hyphen
 */
postal_code: string, address: string, 
/**
 * 6-digit 全国地方公共団体コード
 */
municipality_code: string, lat: number | null, lon: number | null, };

export type Guardian = { name: string, 
/**
 * 母, 父, 祖母…
 */
relation: string, phone_primary: string, phone_secondary: string, email: string, 
/**
 * e.g. a language other than Japanese, an interpreter
 */
language_needs: string, };

export type Certificates = { 
/**
 * 身体障害者手帳 grade 1–6
 */
physical_disability_grade: number | null, 
/**
 * 療育手帳 (A, B, or the prefecture's notation)
 */
ryoiku_techo: string | null, 
/**
 * 小児慢性特定疾病: the disease name
 */
shoman_disease: string | null, 
/**
 * 特別児童扶養手当
 */
special_child_allowance: boolean, 
/**
 * 障害福祉サービス受給者証
 */
service_certificate: boolean, 
/**
 * 医療的ケア区分 on the 受給者証
 */
medical_care_category: string | null, };

export type ConsentScope = "care_team" | "hospitals" | "municipality" | "schools" | "fire_department" | "power_company";

export type Consent = { 
/**
 * ISO date the consent was given; `None` = no consent on file
 */
given_on: string | null, scope: Array<ConsentScope>, note: string, };

export type Weight = { measured_on: string, weight_kg: number, };

export type ChildInput = { 
/**
 * `None` on intake = assign the next `KH-YYYY-NNNN`
 */
case_number: string | null, name: string, 
/**
 * Reading in katakana or hiragana
 */
kana: string, date_of_birth: string, sex: Sex, gestational_weeks: number | null, birth_weight_g: number | null, diagnoses: Array<Diagnosis>, residence: Residence, guardians: Array<Guardian>, siblings: number | null, certificates: Certificates, 
/**
 * 大島分類 cell 1–25
 */
oshima_cell: number | null, 
/**
 * 横地分類 code, e.g. "A1-C"
 */
yokochi_code: string | null, severe_factors: SevereFactors, care_items: Array<CareItemEntry>, consent: Consent, 
/**
 * The responsible coordinator's name
 */
coordinator: string, };

export type RegisterChildRequest = { child: ChildInput, weight: Weight | null, 
/**
 * Defaults to `referred`
 */
status: ChildStatus | null, 
/**
 * ISO date of that status; defaults to today
 */
status_date: string | null, 
/**
 * Save even though possible duplicates were found (the user saw the warning)
 */
confirmed_not_duplicate: boolean, };

export type UpdateChildRequest = { id: string, 
/**
 * The version the form was loaded at; a newer one means someone else changed it.
 */
row_version: number, child: ChildInput, };

export type ChangeStatusRequest = { id: string, row_version: number, status: ChildStatus, date: string, note: string, };

export type RecordWeightRequest = { id: string, weight: Weight, };

export type DuplicateQuery = { kana: string, date_of_birth: string, phones: Array<string>, };

export type DuplicateReason = "same_reading_and_birth_date" | "same_guardian_phone";

export type DuplicateCandidate = { id: string, case_number: string, name: string, kana: string, date_of_birth: string, reasons: Array<DuplicateReason>, };

export type StatusChange = { status: ChildStatus, date: string, note: string, recorded_at: string, recorded_by: string, };

export type FieldDiff = { field: string, 
/**
 * The value before: text as it is, other values (numbers, lists, objects) as JSON text;
 * `null` when absent
 */
before: string | null, after: string | null, };

export type ChangeEntry = { at: string, actor: string, 
/**
 * child, child_care_item, child_weight, child_status_change…
 */
entity: string, 
/**
 * create, update, delete
 */
action: string, fields: Array<FieldDiff>, };

export type LocationSource = "entered" | "municipality_hall";

export type ChildDetail = { id: string, row_version: number, case_number: string, child: ChildInput, municipality_name: string, location_source: LocationSource, 
/**
 * Age at `scores.on`, in whole months
 */
age_months: number, status: ChildStatus, status_history: Array<StatusChange>, 
/**
 * Newest first
 */
weights: Array<Weight>, scores: Scores, history: Array<ChangeEntry>, created_at: string, updated_at: string, };

export type CaseSearch = { 
/**
 * Name, reading (kana folded), or case number
 */
query: string, municipality_code: string | null, status: ChildStatus | null, care_item: CareItemCode | null, score_min: number | null, score_max: number | null, 
/**
 * Page size (default 200, at most 1000)
 */
limit: number | null, offset: number, };

export type CaseRow = { id: string, case_number: string, name: string, kana: string, date_of_birth: string, municipality_code: string, municipality_name: string, status: ChildStatus, 
/**
 * 医療的ケア判定スコア at the last save
 */
medical_care_score: number, care_items: Array<CareItemCode>, };

export type CaseSearchResult = { 
/**
 * Matches in all, beyond this page
 */
total: number, rows: Array<CaseRow>, };

export type CaseRef = { id: string | null, case_number: string | null, };

export type ProviderKind = "home_care_clinic" | "pediatric_clinic" | "hospital" | "visiting_nursing" | "home_help" | "consultation_support" | "short_stay" | "disabled_children_facility" | "child_day_service" | "day_support" | "pharmacy" | "school" | "health_center" | "child_guidance_center" | "equipment_vendor";

export type Answer = "yes" | "no" | "unknown";

export type CareItemAnswer = { code: CareItemCode, answer: Answer, };

export type ServiceArea = { municipality_codes: Array<string>, radius_km: number | null, };

export type Conditions = { accepts_children: Answer, 
/**
 * Youngest accepted age in months (inclusive); `None` = no lower limit or not answered
 */
age_min_months: number | null, 
/**
 * Oldest accepted age in months (inclusive)
 */
age_max_months: number | null, weight_min_kg: number | null, weight_max_kg: number | null, 
/**
 * Care items answered; an item not listed is not answered.
 */
care_items: Array<CareItemAnswer>, service_area: ServiceArea, nights: Answer, weekends: Answer, 
/**
 * 24時間対応
 */
around_the_clock: Answer, 
/**
 * 新規受け入れ
 */
taking_new_clients: Answer, free_text: string, };

export type PublicationConsent = { name: boolean, address: boolean, phone: boolean, contact_person: boolean, conditions: boolean, 
/**
 * ISO date of the consent; `None` = no consent on file
 */
consented_on: string | null, };

export type RecordSource = "survey" | "open_data" | "manual";

export type ProviderInput = { kind: ProviderKind, name: string, 
/**
 * Reading (カナ)
 */
kana: string, postal_code: string, address: string, 
/**
 * 6-digit 全国地方公共団体コード
 */
municipality_code: string, lat: number | null, lon: number | null, phone: string, fax: string, email: string, contact_person: string, 
/**
 * 事業所番号 (10 digits for 介護・障害福祉 services), when one exists
 */
business_number: string | null, 
/**
 * 定員
 */
capacity: number | null, 
/**
 * 営業日・時間 as written, e.g. 「月〜金 9:00-18:00」
 */
opening_hours: string, record_source: RecordSource, 
/**
 * ISO date the record was last confirmed with the provider
 */
last_verified_on: string | null, conditions: Conditions, publication: PublicationConsent, };

export type ConditionsVersion = { answered_on: string, source: RecordSource, recorded_at: string, recorded_by: string, conditions: Conditions, };

export type ProviderDetail = { id: string, row_version: number, provider: ProviderInput, municipality_name: string, location_source: LocationSource, 
/**
 * Oldest first; the last one is the current conditions.
 */
versions: Array<ConditionsVersion>, history: Array<ChangeEntry>, created_at: string, updated_at: string, };

export type AddProviderRequest = { provider: ProviderInput, 
/**
 * ISO date the conditions were answered; defaults to today
 */
answered_on: string | null, };

export type UpdateProviderRequest = { id: string, row_version: number, provider: ProviderInput, 
/**
 * When the conditions changed: the date they were answered; defaults to today
 */
answered_on: string | null, };

export type RecordConditionsRequest = { id: string, answered_on: string, source: RecordSource, conditions: Conditions, };

export type ConditionsAsOf = { id: string, on: string, };

export type ProviderSearch = { 
/**
 * Name, reading or address
 */
query: string, kind: ProviderKind | null, 
/**
 * Providers located in the municipality (a designated city includes its wards) or
 * listing it in their service area
 */
municipality_code: string | null, accepts_children: Answer | null, 
/**
 * Providers that answered ○ for this care item
 */
care_item: CareItemCode | null, 
/**
 * Providers whose age limits include this age (or who did not answer them), and that do
 * not refuse children
 */
age_months: number | null, 
/**
 * Providers whose weight limits include this weight (or who did not answer them)
 */
weight_kg: number | null, 
/**
 * Only providers with 24時間対応 ○
 */
around_the_clock: boolean, 
/**
 * Only providers that consented to publish at least their name
 */
published_only: boolean, limit: number | null, offset: number, };

export type ProviderListRow = { id: string, kind: ProviderKind, name: string, kana: string, municipality_code: string, municipality_name: string, phone: string, accepts_children: Answer, around_the_clock: Answer, taking_new_clients: Answer, last_verified_on: string | null, };

export type ProviderSearchResult = { total: number, rows: Array<ProviderListRow>, };

export type Encoding = "utf8" | "sjis" | "auto";

export type SourceFormat = "csv_utf8" | "csv_utf8_bom" | "csv_shift_jis" | "csv_utf16_le" | "csv_utf16_be" | "xlsx";

export type Layout = "open_data" | "survey" | "custom";

export type ColumnMapping = { header: string, field: string | null, };

export type Mapping = { layout: Layout, columns: Array<ColumnMapping>, 
/**
 * The kind of rows without a kind column or with a blank kind (open data: one kind per
 * file).
 */
default_kind: ProviderKind | null, 
/**
 * The source recorded on the imported providers.
 */
record_source: RecordSource, };

export type FieldInfo = { key: string, label_ja: string, label_en: string, };

export type Severity = "error" | "warning";

export type ImportMode = "dry_run" | "good_rows" | "all_or_nothing";

export type ImportOptions = { encoding: Encoding, 
/**
 * `None`: recognised from the headers (open data, our survey template, field keys).
 */
mapping: Mapping | null, mode: ImportMode, 
/**
 * The language the problems are worded in.
 */
lang: Lang, };

export type ImportProblem = { line: number, column: string | null, severity: Severity, message: string, };

export type ImportReport = { format: SourceFormat, 
/**
 * The mapping used (the recognised one when none was given), for the mapping step.
 */
mapping: Mapping, rows: number, new: number, updated: number, unchanged: number, 
/**
 * Rows not imported because of an error.
 */
errors: number, warnings: number, 
/**
 * The first problems, in file order.
 */
problems: Array<ImportProblem>, 
/**
 * Whether anything was written.
 */
applied: boolean, 
/**
 * Stopped by the user; nothing was written.
 */
cancelled: boolean, };

export type ImportProgress = { 
/**
 * Bytes read of a CSV, or rows read of an XLSX.
 */
done: number, 
/**
 * The file's size in bytes for a CSV; `null` for an XLSX (its row count is not known
 * before the end).
 */
total: number | null, };

export type ImportPreview = { 
/**
 * The file's name (never its path: the UI does not handle paths)
 */
file_name: string, format: SourceFormat, headers: Array<string>, 
/**
 * The recognised mapping, to be checked and corrected by the person
 */
mapping: Mapping, 
/**
 * The first rows as read, for the preview table
 */
sample: Array<Array<string>>, 
/**
 * Every field a column can fill, with its labels
 */
fields: Array<FieldInfo>, };

export type CsvEncoding = "utf8_bom" | "shift_jis";

export type ExportFormat = "csv" | "xlsx" | "geojson" | "kml" | "html";

export type ExportOptions = { 
/**
 * Only providers that consented to publish their name, and of each only the consented parts.
 */
public: boolean, 
/**
 * CSV only; the other formats are always Unicode (UTF-8).
 */
encoding: CsvEncoding, 
/**
 * CSV when absent.
 */
format: ExportFormat, };

export type ExportSummary = { format: ExportFormat, public: boolean, 
/**
 * Providers written: rows, map features or placemarks.
 */
providers: number, 
/**
 * Public providers left off a map (GeoJSON, KML) because the file would need their location
 * and they have no coordinates or did not consent to publish their address. 0 otherwise.
 */
left_out: number, 
/**
 * Providers not in a public export at all: they did not consent to publish their name.
 * 0 for internal exports.
 */
not_public: number, };

export type ExportDone = { file_name: string, summary: ExportSummary, };

export type TargetState = "sent" | "phoned" | "visited" | "no_answer" | "answered";

export type CampaignInput = { 
/**
 * e.g. 「令和8年度 小児在宅受け入れ状況調査」, at most 100 characters
 */
title: string, 
/**
 * ISO date the survey was sent; not in the future
 */
sent_on: string, 
/**
 * ISO date answers are due; not before `sent_on`
 */
due_on: string | null, note: string, 
/**
 * The providers surveyed (duplicates are ignored); at least one
 */
provider_ids: Array<string>, };

export type AddTargetsRequest = { campaign_id: string, provider_ids: Array<string>, 
/**
 * ISO date the survey was sent to them; defaults to today, not before the campaign's
 */
sent_on: string | null, };

export type RemoveTargetRequest = { target_id: string, row_version: number, };

export type SetTargetStateRequest = { target_id: string, row_version: number, 
/**
 * Any state but `answered`
 */
state: TargetState, 
/**
 * ISO date of the step; not in the future, not before the campaign was sent nor before
 * the target's current state
 */
on: string, 
/**
 * Replaces the target's note (e.g. 「担当者不在、来週再度」)
 */
note: string, };

export type RecordAnswerRequest = { target_id: string, row_version: number, 
/**
 * ISO date of the answer; not in the future, not before the campaign was sent
 */
answered_on: string, 
/**
 * The answer form; refusals name `conditions.…` like the provider's conditions form
 */
conditions: Conditions, };

export type StateCounts = { sent: number, phoned: number, visited: number, no_answer: number, answered: number, };

export type CampaignSummary = { id: string, row_version: number, title: string, sent_on: string, due_on: string | null, note: string, counts: StateCounts, 
/**
 * Every live target, whatever its state
 */
total: number, 
/**
 * `counts.answered` of `total`, in whole percent
 */
answered_percent: number, created_at: string, updated_at: string, };

export type CampaignTarget = { id: string, row_version: number, provider_id: string, provider_name: string, provider_kana: string, provider_kind: ProviderKind, municipality_name: string, phone: string, state: TargetState, 
/**
 * ISO date the current state was reached
 */
state_on: string, answered_on: string | null, note: string, };

export type CampaignDetail = { campaign: CampaignSummary, targets: Array<CampaignTarget>, };

export type ChaseRow = { target_id: string, provider_id: string, name: string, kana: string, kind: ProviderKind, municipality_name: string, phone: string, fax: string, contact_person: string, state: TargetState, state_on: string, note: string, };

export type ChaseListSaved = { file_name: string, rows: number, };

export type MatchRequest = { child_id: string, kind: ProviderKind, 
/**
 * ISO date the child would start with the provider (e.g. the target discharge date): the
 * age and the care items are taken on it. Defaults to today.
 */
target_date: string | null, 
/**
 * Also list providers with an unmet condition (hidden by default; always counted)
 */
include_unmet: boolean, 
/**
 * Most providers listed (default 200, at most 1000); the counts cover every provider
 */
limit: number | null, 
/**
 * The language `words` are written in
 */
lang: Lang, };

export type Criterion = { "kind": "accepts_children" } | { "kind": "age" } | { "kind": "weight" } | { "kind": "care_item", code: CareItemCode, } | { "kind": "service_area" } | { "kind": "nights" } | { "kind": "weekends" } | { "kind": "taking_new_clients" };

export type UnmetReason = { "kind": "children_not_accepted" } | { "kind": "age_below", min_months: number, age_months: number, } | { "kind": "age_above", max_months: number, age_months: number, } | { "kind": "weight_below", min_kg: number, current_kg: number, } | { "kind": "weight_above", max_kg: number, current_kg: number, } | { "kind": "care_item_refused", code: CareItemCode, } | { "kind": "outside_service_area", listed_municipalities: number, radius_km: number | null, distance_km: number, } | { "kind": "no_nights" } | { "kind": "no_weekends" } | { "kind": "not_taking_new_clients" };

export type UnknownReason = "not_answered" | "weight_not_recorded";

export type Verdict = { "status": "met" } | { "status": "unmet", reason: UnmetReason, } | { "status": "unknown", reason: UnknownReason, };

export type ConditionCheck = { criterion: Criterion, verdict: Verdict, words: string, };

export type MatchOutcome = "all_met" | "some_unknown" | "unmet";

export type ProviderMatch = { provider_id: string, name: string, kana: string, municipality_code: string, municipality_name: string, address: string, phone: string, outcome: MatchOutcome, 
/**
 * Straight-line (haversine) distance from the child's home point to the provider's
 * point (its municipality hall's when it has none), in km rounded to 0.1 km
 */
distance_km: number, 
/**
 * Whether the home is inside the service area; `None` when the area is not answered
 */
in_service_area: boolean | null, checks: Array<ConditionCheck>, };

export type HomePoint = { lat: number, lon: number, source: LocationSource, };

export type MatchCounts = { all_met: number, some_unknown: number, unmet: number, };

export type MatchResult = { child_id: string, case_number: string, kind: ProviderKind, 
/**
 * ISO date the age and care items were taken on
 */
target_date: string, age_months: number, 
/**
 * The most recent measurement; `None` when no weight is on record
 */
weight: Weight | null, 
/**
 * The care items checked: those the child has on the target date
 */
care_items: Array<CareItemCode>, home: HomePoint, 
/**
 * Whether nights and weekends were checked (see `matching` for the rule)
 */
needs_nights_and_weekends: boolean, counts: MatchCounts, providers: Array<ProviderMatch>, };

export type Role = "attending_physician" | "home_doctor" | "visiting_nurse" | "home_help" | "consultation_specialist" | "respite" | "public_health_nurse" | "school" | "equipment_vendor" | "coordinator" | "msw" | "ward_nurse";

export type Phase = "introduction" | "preparation" | "transition" | "discharge" | "home";

export type PlanStatus = "active" | "completed" | "cancelled";

export type TaskStatus = "open" | "done" | "skipped";

export type ReferralStatus = "draft" | "sent" | "accepted" | "declined" | "active" | "ended" | "cancelled";

export type ConferenceKind = "in_hospital" | "pre_discharge_joint";

export type TrainingItem = "suction" | "tube_feeding" | "tracheostomy_care" | "accidental_decannulation" | "ventilator" | "resuscitation_bag" | "oxygen" | "medication" | "observation" | "cpr" | "bathing_and_moving";

export type TrainingLevel = "none" | "taught" | "demonstrated" | "independent";

export type CreatePlanRequest = { child_id: string, 
/**
 * ISO date of the target discharge; today or later
 */
target_date: string, 
/**
 * The template to make the tasks from; the default template when `None`
 */
template_id: string | null, note: string, };

export type MoveTargetDateRequest = { plan_id: string, row_version: number, 
/**
 * ISO date; today or later
 */
target_date: string, };

export type SetPlanStatusRequest = { plan_id: string, row_version: number, status: PlanStatus, 
/**
 * ISO date it was completed or cancelled (not in the future); today when `None`
 */
on: string | null, };

export type AddTaskRequest = { plan_id: string, phase: Phase, role: Role, 
/**
 * At most 200 characters
 */
title: string, note: string, 
/**
 * A current member of this plan's team (a team member id), or nobody
 */
owner: string | null, 
/**
 * ISO date
 */
due_date: string, };

export type UpdateTaskRequest = { task_id: string, row_version: number, phase: Phase, role: Role, title: string, note: string, 
/**
 * A current member of this plan's team (checked when it changes), or nobody
 */
owner: string | null, 
/**
 * ISO date
 */
due_date: string, status: TaskStatus, 
/**
 * For `done`: ISO date, not in the future; today when `None`. Ignored otherwise.
 */
done_on: string | null, };

export type CompleteTaskRequest = { task_id: string, row_version: number, 
/**
 * ISO date, not in the future; today when `None`
 */
done_on: string | null, };

export type AddTeamMemberRequest = { plan_id: string, role: Role, provider_id: string | null, 
/**
 * The person; required without a provider (for a provider, its contact person)
 */
person_name: string, organisation: string, 
/**
 * Phone, e-mail or extension, as written
 */
contact: string, 
/**
 * ISO date; today when `None`
 */
start_date: string | null, note: string, };

export type EndTeamMemberRequest = { member_id: string, row_version: number, 
/**
 * ISO date, not before the start; today when `None`
 */
end_date: string | null, };

export type CreateReferralRequest = { plan_id: string, provider_id: string, role: Role, 
/**
 * ISO date the provider would start; the plan's target date when `None`
 */
start_on: string | null, note: string, };

export type MoveReferralRequest = { referral_id: string, row_version: number, 
/**
 * The new status
 */
status: ReferralStatus, 
/**
 * ISO date of the step, not in the future; today when `None`
 */
on: string | null, 
/**
 * Why it was declined (required) or cancelled
 */
reason: string, 
/**
 * For `accepted`: the date the provider starts in the team (the referral's start date
 * when `None`)
 */
start_on: string | null, };

export type ConferenceInput = { kind: ConferenceKind, 
/**
 * ISO date (planned or held)
 */
held_on: string, title: string, 
/**
 * Members of this plan's team who attend (team member ids)
 */
attendee_ids: Array<string>, 
/**
 * Others present who are not in the team (the family…), as written
 */
other_attendees: string, minutes: string, };

export type AddConferenceRequest = { plan_id: string, conference: ConferenceInput, };

export type UpdateConferenceRequest = { conference_id: string, row_version: number, conference: ConferenceInput, };

export type SetTrainingRequest = { plan_id: string, item: TrainingItem, level: TrainingLevel, 
/**
 * ISO date, not in the future; required unless the level is `none`
 */
on: string | null, 
/**
 * Who taught it or saw it done; required unless the level is `none`
 */
by_whom: string, note: string, 
/**
 * The row version the form saw, when the item had been recorded before
 */
row_version: number | null, };

export type TemplateTaskInput = { 
/**
 * The task's id when it is an existing one; `None` for a new one
 */
id: string | null, phase: Phase, role: Role, title: string, note: string, 
/**
 * Days relative to the target date (−90 = 90 days before), from −365 to 365
 */
offset_days: number, };

export type SaveTemplateRequest = { 
/**
 * `None` makes a new template
 */
id: string | null, row_version: number | null, name: string, note: string, 
/**
 * Make it the template new plans get (the previous default stops being one)
 */
is_default: boolean, tasks: Array<TemplateTaskInput>, };

export type DashboardRequest = { 
/**
 * Only tasks whose owner's name (a person, or a provider) is this, compared folded
 * (width, kana and spaces ignored); everyone's when `None` or empty
 */
owner: string | null, };

export type Plan = { id: string, row_version: number, child_id: string, target_date: string, status: PlanStatus, closed_on: string | null, template_id: string | null, note: string, created_at: string, updated_at: string, };

export type PlanChild = { id: string, case_number: string, name: string, kana: string, date_of_birth: string, 
/**
 * Whole months of age on the target date
 */
age_months_at_target: number, status: ChildStatus, };

export type PlanTask = { id: string, row_version: number, 
/**
 * Order within the plan as made (the template's order, then tasks added by hand)
 */
position: number, phase: Phase, role: Role, title: string, note: string, 
/**
 * Team member id of the owner
 */
owner: string | null, 
/**
 * The owner's name as the team lists it; empty without an owner
 */
owner_name: string, 
/**
 * The template's offset it came from (days from the target); `None` if added by hand
 */
offset_days: number | null, due_date: string, status: TaskStatus, done_on: string | null, 
/**
 * Open and due before today
 */
overdue: boolean, };

export type TeamMember = { id: string, row_version: number, role: Role, provider_id: string | null, provider_kind: ProviderKind | null, 
/**
 * The provider's name, or the person's: how the team and the task owners show it
 */
name: string, person_name: string, organisation: string, 
/**
 * The contact as entered, or else the provider's phone
 */
contact: string, start_date: string, end_date: string | null, 
/**
 * Not ended before today
 */
current: boolean, 
/**
 * The accepted referral that brought the provider in
 */
referral_id: string | null, note: string, };

export type ReferralEvent = { status: ReferralStatus, 
/**
 * ISO date of the step
 */
on: string, reason: string, 
/**
 * When it was recorded (UTC) and by whom
 */
recorded_at: string, actor: string, };

export type Referral = { id: string, row_version: number, role: Role, provider_id: string, provider_name: string, provider_kind: ProviderKind, status: ReferralStatus, 
/**
 * ISO date the current status was reached
 */
status_on: string, sent_on: string | null, decided_on: string | null, start_on: string | null, ended_on: string | null, reason: string, note: string, 
/**
 * Every status it has had, oldest first (reopened ones included)
 */
history: Array<ReferralEvent>, 
/**
 * The steps the lifecycle allows from the current status (the screen offers these)
 */
next: Array<ReferralStatus>, };

export type Attendee = { member_id: string, name: string, role: Role, };

export type Conference = { id: string, row_version: number, kind: ConferenceKind, held_on: string, title: string, attendees: Array<Attendee>, other_attendees: string, minutes: string, };

export type TrainingEntry = { item: TrainingItem, 
/**
 * `None` until the item is first recorded
 */
id: string | null, row_version: number | null, level: TrainingLevel, on: string | null, by_whom: string, note: string, };

export type PlanDetail = { plan: Plan, child: PlanChild, 
/**
 * The office's date the page was read on (for the today marker and `overdue`)
 */
today: string, 
/**
 * By due date, then phase, then position
 */
tasks: Array<PlanTask>, 
/**
 * Current members first (by role), then ended ones
 */
team: Array<TeamMember>, 
/**
 * Roles a provider can fill that no current member fills: where to find providers
 */
open_roles: Array<Role>, 
/**
 * Newest first
 */
referrals: Array<Referral>, 
/**
 * By date
 */
conferences: Array<Conference>, 
/**
 * Every checklist item, in the checklist's order
 */
training: Array<TrainingEntry>, };

export type PlanSaved = { id: string, plan: PlanDetail, };

export type TemplateTask = { id: string, row_version: number, position: number, phase: Phase, role: Role, title: string, note: string, offset_days: number, };

export type PathwayTemplate = { id: string, row_version: number, name: string, note: string, is_default: boolean, 
/**
 * In the template's order
 */
tasks: Array<TemplateTask>, };

export type DashboardTask = { plan_id: string, child_id: string, case_number: string, child_name: string, target_date: string, task: PlanTask, };

export type PlanSummary = { plan_id: string, child_id: string, case_number: string, child_name: string, target_date: string, 
/**
 * Days from today to the target (negative once past)
 */
days_to_target: number, open_tasks: number, overdue_tasks: number, done_tasks: number, total_tasks: number, };

export type Dashboard = { today: string, 
/**
 * Open tasks due today to today + 6, by due date
 */
due_this_week: Array<DashboardTask>, 
/**
 * Open tasks due before today, the oldest first
 */
overdue: Array<DashboardTask>, 
/**
 * Active plans by target date
 */
plans: Array<PlanSummary>, };

export type BedType = "ventilator" | "medical" | "welfare";

export type BookingStatus = "requested" | "confirmed" | "completed" | "cancelled" | "no_show";

export type SetBedTypeRequest = { facility_id: string, bed_type: BedType, 
/**
 * Beds per night, 0–200
 */
beds: number, 
/**
 * The longest stay the facility takes, in nights, 1–90
 */
max_stay_nights: number, note: string, };

export type CapacityExceptionRequest = { facility_id: string, bed_type: BedType, 
/**
 * ISO date of the first night
 */
from: string, 
/**
 * ISO date after the last night (exclusive); one night when `None`; at most 366 nights
 */
to: string | null, 
/**
 * Beds on those nights, 0–200
 */
beds: number, note: string, };

export type RemoveCapacityExceptionRequest = { facility_id: string, bed_type: BedType, from: string, 
/**
 * Exclusive; one night when `None`
 */
to: string | null, };

export type BookingRequest = { child_id: string, facility_id: string, bed_type: BedType, 
/**
 * ISO date of the first night (today or later)
 */
from: string, 
/**
 * ISO date the child leaves (after `from`; the stay is at most the facility's maximum)
 */
to: string, 
/**
 * Why the stay is wanted (family rest, a sibling's event…), at most 200 characters
 */
reason: string, note: string, 
/**
 * The language the conditions' words are written in
 */
lang: Lang, };

export type ConfirmBookingRequest = { booking_id: string, row_version: number, lang: Lang, };

export type MoveBookingRequest = { booking_id: string, row_version: number, status: BookingStatus, 
/**
 * Why (for a cancellation); replaces the booking's reason when given
 */
reason: string | null, 
/**
 * The language of the conditions' words (when confirming)
 */
lang: Lang, };

export type BedTypeSetting = { id: string, row_version: number, bed_type: BedType, beds: number, max_stay_nights: number, note: string, };

export type Booking = { id: string, row_version: number, child_id: string, case_number: string, child_name: string, facility_id: string, facility_name: string, bed_type: BedType, 
/**
 * ISO date of the first night
 */
from: string, 
/**
 * ISO date the child leaves
 */
to: string, nights: number, status: BookingStatus, 
/**
 * When the family asked (UTC): the waitlist's order
 */
requested_at: string, 
/**
 * When the current status was reached (UTC)
 */
status_at: string, reason: string, note: string, };

export type BookingSaved = { booking: Booking, 
/**
 * The facility's conditions this child does not meet, with the reasons. A request is
 * kept with them (the facility may decide otherwise); confirming refuses them, so a
 * confirmed booking never has any.
 */
unmet: Array<ConditionCheck>, 
/**
 * Conditions the facility has not answered (or that need a weight on record): they do not
 * refuse the booking, but should be checked with the facility.
 */
unknown: Array<ConditionCheck>, 
/**
 * After a confirmed booking is cancelled: the waiting request to offer the freed bed to
 * first — the earliest requested of the same bed type, sharing a freed night, whose every
 * night now fits.
 */
offer: Booking | null, };

export type NightBeds = { bed_type: BedType, 
/**
 * Beds that night (the usual number, or the exception's)
 */
beds: number, 
/**
 * Held by confirmed and completed stays
 */
used: number, 
/**
 * `beds - used` (never below 0)
 */
free: number, 
/**
 * Requests waiting that include this night
 */
waiting: number, 
/**
 * Whether an exception (closure, extra beds) set the beds of this night
 */
exception: boolean, };

export type Night = { 
/**
 * ISO date of the night (the evening the child sleeps there)
 */
date: string, 
/**
 * One entry per bed type of the facility, in bed type order
 */
beds: Array<NightBeds>, };

export type FacilityNights = { facility_id: string, facility_name: string, 
/**
 * YYYY-MM
 */
month: string, bed_types: Array<BedTypeSetting>, nights: Array<Night>, };

export type UnitCondition = "good" | "worn" | "needs_repair" | "broken";

export type EquipmentTypeInput = { 
/**
 * At most 100 characters; unique
 */
name: string, note: string, };

export type AddUnitRequest = { type_id: string, 
/**
 * e.g. KH-SUC-003; at most 50 characters, unique (full-width letters and digits count as
 * their half-width forms)
 */
asset_tag: string, condition: UnitCondition, note: string, };

export type UpdateUnitRequest = { unit_id: string, row_version: number, condition: UnitCondition, 
/**
 * ISO date it was taken out of service (not in the future); `None` = in service
 */
retired_on: string | null, note: string, };

export type LendRequest = { unit_id: string, child_id: string, 
/**
 * ISO date it went out (not in the future)
 */
lent_on: string, 
/**
 * ISO date it is due back (not before `lent_on`)
 */
due_on: string, note: string, };

export type ReturnRequest = { unit_id: string, 
/**
 * ISO date it came back (not in the future, not before it went out); today when `None`
 */
returned_on: string | null, 
/**
 * Its condition on return, which becomes the unit's condition
 */
condition: UnitCondition, 
/**
 * Replaces the loan's note when given
 */
note: string | null, };

export type EquipmentType = { id: string, row_version: number, name: string, note: string, 
/**
 * Units in service (not retired)
 */
units: number, on_loan: number, };

export type Loan = { id: string, row_version: number, unit_id: string, asset_tag: string, type_name: string, child_id: string, case_number: string, child_name: string, lent_on: string, due_on: string, returned_on: string | null, return_condition: UnitCondition | null, note: string, };

export type EquipmentUnit = { id: string, row_version: number, type_id: string, type_name: string, asset_tag: string, condition: UnitCondition, retired_on: string | null, note: string, loan: Loan | null, };

export type OverdueLoan = { loan: Loan, 
/**
 * Days since it was due (1 = due yesterday)
 */
days_overdue: number, 
/**
 * The first guardian on the case, and their primary phone
 */
guardian_name: string, guardian_phone: string, };

export type UnitHistory = { unit: EquipmentUnit, loans: Array<Loan>, };

export type CallerType = "family" | "clinic" | "nursing_station" | "school" | "municipality" | "other";

export type ConsultationOutcome = "advice" | "visit_arranged" | "emergency_admission" | "respite_arranged" | "referred";

export type ConsultationInput = { 
/**
 * When the call came: `2026-11-24T21:30` (the office's time, UTC+9) or RFC 3339 with an
 * offset; not in the future
 */
at: string, 
/**
 * Required (an option so that a form left blank is refused at this field)
 */
caller_type: CallerType | null, 
/**
 * The child the call was about, if any
 */
child_id: string | null, 
/**
 * What it was about, at most 200 characters
 */
topic: string, 
/**
 * Required
 */
outcome: ConsultationOutcome | null, 
/**
 * Who answered
 */
staff: string, 
/**
 * How long it took, 0–1440 minutes
 */
minutes: number | null, note: string, };

export type Consultation = { id: string, row_version: number, 
/**
 * UTC RFC 3339
 */
at: string, 
/**
 * The office's time (UTC+9), `2026-11-24 21:30`
 */
at_local: string, caller_type: CallerType, child_id: string | null, case_number: string | null, child_name: string | null, topic: string, outcome: ConsultationOutcome, staff: string, minutes: number | null, note: string, };

export type ConsultationFilter = { 
/**
 * ISO date of the first day (the office's calendar), inclusive
 */
from: string | null, 
/**
 * ISO date of the last day, inclusive
 */
to: string | null, caller_type: CallerType | null, outcome: ConsultationOutcome | null, child_id: string | null, 
/**
 * Words in the topic, note or staff (folded: kana, width and case do not matter)
 */
text: string | null, 
/**
 * Most calls listed (default 200, at most 1000); `total` counts them all
 */
limit: number | null, };

export type ConsultationList = { total: number, consultations: Array<Consultation>, };

export type OutcomeCounts = { advice: number, visit_arranged: number, emergency_admission: number, respite_arranged: number, referred: number, };

export type CallerCounts = { family: number, clinic: number, nursing_station: number, school: number, municipality: number, other: number, };

export type ConsultationCounts = { total: number, by_outcome: OutcomeCounts, by_caller: CallerCounts, };

export type MonthCounts = { 
/**
 * 1–12
 */
month: number, counts: ConsultationCounts, };

export type YearCounts = { year: number, months: Array<MonthCounts>, year_total: ConsultationCounts, };

export type DeviceKind = "ventilator" | "oxygen_concentrator" | "suction" | "pulse_oximeter" | "feeding_pump" | "other";

export type PowerDevice = { kind: DeviceKind, 
/**
 * Maker, model or a note; may be empty
 */
name: string, 
/**
 * 内部バッテリー, hours
 */
internal_battery_hours: number | null, 
/**
 * 外部バッテリー, hours (`None` or 0 = no external battery)
 */
external_battery_hours: number | null, };

export type OtherPower = { 
/**
 * Car power (シガーソケット・インバーター)
 */
car: boolean, 
/**
 * 発電機
 */
generator: boolean, 
/**
 * 予備バッテリー（市販）
 */
spare_batteries: boolean, note: string, };

export type Registration = { registered: boolean, on: string | null, };

export type EmergencyContact = { name: string, 
/**
 * 祖母, 叔父, 近所の方…
 */
relation: string, phone: string, };

export type DisasterProfileInput = { devices: Array<PowerDevice>, other_power: OtherPower, 
/**
 * 衛生材料・消耗品の予備日数, 0–365
 */
consumables_days: number | null, 
/**
 * 電力会社への登録
 */
power_company: Registration, 
/**
 * 避難行動要支援者名簿
 */
evacuation_list: Registration, 
/**
 * 個別避難計画
 */
individual_plan: Registration, 
/**
 * 指定避難所
 */
evacuation_site: string, 
/**
 * 福祉避難所
 */
welfare_shelter: string, 
/**
 * 緊急時の搬送先病院
 */
emergency_hospital: string, 
/**
 * In calling order
 */
contacts: Array<EmergencyContact>, note: string, };

export type DisasterWarningCode = "no_profile" | "ventilator_without_external_battery" | "battery_under24_hours" | "no_power_company_registration" | "no_individual_plan" | "battery_hours_unknown" | "no_contacts";

export type DisasterWarning = { code: DisasterWarningCode, 
/**
 * Worded for a person in the requested language
 */
message: string, };

export type DisasterProfile = { child_id: string, 
/**
 * The default (empty) profile when none was saved yet
 */
profile: DisasterProfileInput, 
/**
 * 0 = never saved
 */
row_version: number, updated_at: string | null, warnings: Array<DisasterWarning>, 
/**
 * The weakest power-dependent device: internal + external hours; `None` when not known
 * (or the child depends on no device)
 */
total_battery_hours: number | null, };

export type SaveDisasterProfileRequest = { child_id: string, 
/**
 * The version the form was loaded at (0 when there was no profile yet)
 */
row_version: number, profile: DisasterProfileInput, };

export type RosterQuery = { municipality_code: string | null, };

export type RosterPhone = { name: string, relation: string, phone: string, };

export type RosterTeamContact = { role: string, name: string, phone: string, };

export type RosterRow = { 
/**
 * 1-based risk order
 */
rank: number, child_id: string, case_number: string | null, name: string, kana: string, date_of_birth: string, 
/**
 * 「2歳3か月」
 */
age: string, municipality_code: string, municipality: string, address: string, 
/**
 * Ventilator care item, or a ventilator among the devices
 */
ventilated: boolean, 
/**
 * Any device in the profile, or care items oxygen, suction, feeding pump, ventilator
 */
power_dependent: boolean, devices: Array<PowerDevice>, total_battery_hours: number | null, guardians: Array<RosterPhone>, 
/**
 * The profile's calling order
 */
contacts: Array<EmergencyContact>, 
/**
 * The current care team
 */
team: Array<RosterTeamContact>, emergency_hospital: string, evacuation_site: string, warnings: Array<DisasterWarning>, };

export type Roster = { 
/**
 * ISO date the roster was made (the office's today)
 */
made_on: string, rows: Array<RosterRow>, };

export type RosterFormat = "csv" | "xlsx" | "pdf";

export type ExportRosterRequest = { query: RosterQuery, format: RosterFormat, encoding: CsvEncoding, };

export type RosterExported = { path: string, };

export type DocumentKind = "case_summary" | "plan_handout" | "emergency_sheet";

export type DocumentRequest = { kind: DocumentKind, child_id: string, 
/**
 * Who it is for, when it leaves the care team; `None` = for the team's own use
 */
recipient: ConsentScope | null, 
/**
 * The coordinator confirmed giving it although the consent does not cover `recipient`
 */
acknowledge_consent_gap: boolean, };

export type DocumentSaved = { path: string, };

export type BackupSchedule = { 
/**
 * Hours between automatic backups; 0 = no automatic backups.
 */
every_hours: number, 
/**
 * Generations kept in the backup folder (the oldest beyond this are deleted once a new
 * backup is verified).
 */
keep: number, };

export type BackupProgress = { done: number, total: number, };

export type BackupInfo = { 
/**
 * The file name (`kakehashi-YYYYMMDD-HHMMSS.kbak`), unique in its folder.
 */
name: string, 
/**
 * When it was made (UTC, RFC 3339), from its manifest or else its name.
 */
created_at: string | null, size_bytes: number, 
/**
 * It was checked after writing (manifest present) and its size has not changed since.
 */
verified: boolean, schema_version: number | null, 
/**
 * Rows in all tables at backup time (from the manifest).
 */
rows: number | null, };

export type BackupDone = { backup: BackupInfo, 
/**
 * The folder it is in.
 */
dir: string, millis: number, 
/**
 * File names of the generations deleted by rotation.
 */
removed: Array<string>, };

export type BackupList = { dir: string, schedule: BackupSchedule, backups: Array<BackupInfo>, 
/**
 * The newest verified backup's time (UTC, RFC 3339).
 */
last_backup_at: string | null, 
/**
 * Why the last automatic backup failed, if it did (the shell runs those and fills this
 * in; the core leaves it empty).
 */
last_auto_error: ApiError | null, };

export type RestoreReport = { 
/**
 * The backup's file name.
 */
backup: string, created_at: string | null, 
/**
 * The backup's schema version, and the version after migrating it (the current one).
 */
schema_version_found: number, schema_version: number, rows: number, 
/**
 * The file the previous database was kept as (in the data directory); `null` when
 * restoring into an empty data directory.
 */
previous_kept_as: string | null, };

export type RestoreRequest = { name: string | null, };

export type AuditQuery = { 
/**
 * Exactly this actor (see [`Registry::audit_actors`]).
 */
actor: string | null, 
/**
 * A table code (`child`, `provider`, …).
 */
entity: string | null, 
/**
 * `create`, `update`, `delete`, `restore` or `view`.
 */
action: string | null, 
/**
 * Rows about this child: the child itself and every record of theirs.
 */
child_id: string | null, from: string | null, to: string | null, 
/**
 * Page size (default 100, at most 1000).
 */
limit: number | null, offset: number, lang: Lang, };

export type AuditEntry = { seq: number, at: string, actor: string, entity: string, 
/**
 * The entity in words (児童, 事業所, …).
 */
entity_label: string, entity_id: string, action: string, 
/**
 * The action in words (作成, 変更, 閲覧, …).
 */
action_label: string, 
/**
 * The child the row is about, if any.
 */
child_id: string | null, child_name: string | null, 
/**
 * The fields changed (column names).
 */
fields: Array<string>, 
/**
 * One line: what was done to which record.
 */
summary: string, };

export type AuditPage = { total: number, entries: Array<AuditEntry>, };

export type AuditBreakKind = "edited" | "moved" | "missing" | "unlinked" | "inserted" | "truncated" | "head_replaced" | "head_missing";

export type AuditBreak = { kind: AuditBreakKind, 
/**
 * The row where the break is (Missing, Truncated: the first missing seq).
 */
seq: number, 
/**
 * Missing, Truncated: the last missing seq. Moved: the seq the row was written as.
 */
other_seq: number | null, 
/**
 * The broken row's entity, id and time as they read now (when there is a row).
 */
entity: string | null, entity_id: string | null, at: string | null, };

export type AuditVerification = { intact: boolean, 
/**
 * Rows checked.
 */
rows: number, 
/**
 * The head (last seq) as recorded apart from the rows.
 */
head_seq: number, problem: AuditBreak | null, 
/**
 * The result in words, saying where the break is.
 */
message: string, };
