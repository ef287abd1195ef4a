// The resource directory commands of docs/ipc.md ("Resource directory"). Each takes one
// `{ input }`, except get_provider, which takes the provider's `{ id }`.
import type {
  AddProviderRequest,
  ConditionsAsOf,
  ConditionsVersion,
  ProviderDetail,
  ProviderSearch,
  ProviderSearchResult,
  RecordConditionsRequest,
  UpdateProviderRequest,
} from "./bindings";
import { call } from "./call";

export const addProvider = (input: AddProviderRequest): Promise<ProviderDetail> =>
  call("add_provider", { input });

export const updateProvider = (input: UpdateProviderRequest): Promise<ProviderDetail> =>
  call("update_provider", { input });

export const recordConditions = (input: RecordConditionsRequest): Promise<ProviderDetail> =>
  call("record_conditions", { input });

export const getProvider = (id: string): Promise<ProviderDetail> => call("get_provider", { id });

/** What the provider had answered by a date; null when it had not answered yet. */
export const conditionsAsOf = (input: ConditionsAsOf): Promise<ConditionsVersion | null> =>
  call("conditions_as_of", { input });

export const searchProviders = (input: ProviderSearch): Promise<ProviderSearchResult> =>
  call("search_providers", { input });
