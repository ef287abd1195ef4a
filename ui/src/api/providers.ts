// The resource directory commands of docs/ipc.md ("Resource directory"). Each takes one
// `{ input }`, except get_provider, which takes the provider's `{ id }`.

import { Channel } from "@tauri-apps/api/core";
import type {
  AddProviderRequest,
  ConditionsAsOf,
  ConditionsVersion,
  Encoding,
  ExportDone,
  ExportOptions,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  ImportReport,
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

/** Opens the native file dialog; the path stays in the core. Null when the person cancelled. */
export const chooseImportFile = (encoding: Encoding): Promise<ImportPreview | null> =>
  call("choose_import_file", { encoding });

/** The chosen file read again, in another encoding. */
export const previewImportFile = (encoding: Encoding): Promise<ImportPreview> =>
  call("preview_import_file", { encoding });

/** A dry run (counts only), or the import of the good rows or of all rows or none. */
export function runImport(
  input: ImportOptions,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportReport> {
  const channel = new Channel<ImportProgress>(onProgress);
  return call("run_import", { input, onProgress: channel });
}

/** Stops the running import; it then answers with `cancelled` and has written nothing. */
export const cancelImport = (): Promise<void> => call("cancel_import");

/** Asks where to save (native dialog), then exports the directory; null when cancelled. */
export const exportDirectory = (input: ExportOptions): Promise<ExportDone | null> =>
  call("export_directory", { input });
