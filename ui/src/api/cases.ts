// The case registry commands of docs/ipc.md ("Case registry (issue 3)"): one `{ input }` each.
import type {
  CaseRef,
  CaseSearch,
  CaseSearchResult,
  ChangeStatusRequest,
  ChildDetail,
  DuplicateCandidate,
  DuplicateQuery,
  RecordWeightRequest,
  RegisterChildRequest,
  ScoreRequest,
  Scores,
  UpdateChildRequest,
} from "./bindings";
import { call } from "./call";

export const computeScores = (input: ScoreRequest): Promise<Scores> =>
  call("compute_scores", { input });

export const findDuplicates = (input: DuplicateQuery): Promise<DuplicateCandidate[]> =>
  call("find_duplicates", { input });

export const registerChild = (input: RegisterChildRequest): Promise<ChildDetail> =>
  call("register_child", { input });

export const updateChild = (input: UpdateChildRequest): Promise<ChildDetail> =>
  call("update_child", { input });

export const changeChildStatus = (input: ChangeStatusRequest): Promise<ChildDetail> =>
  call("change_child_status", { input });

export const recordWeight = (input: RecordWeightRequest): Promise<ChildDetail> =>
  call("record_weight", { input });

export const getChild = (input: CaseRef): Promise<ChildDetail> => call("get_child", { input });

export const searchChildren = (input: CaseSearch): Promise<CaseSearchResult> =>
  call("search_children", { input });
