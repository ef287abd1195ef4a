// The planning dashboard and pathway template commands of docs/ipc.md ("Planning dashboard and
// templates"). Writes and queries take one `{ input }`; a template is read by its `{ id }`.

import type { Dashboard, DashboardRequest, PathwayTemplate, SaveTemplateRequest } from "./bindings";
import { call } from "./call";

/** Open tasks due this week, overdue tasks and active plans by target date, on the office's today. */
export const planningDashboard = (input: DashboardRequest): Promise<Dashboard> =>
  call("planning_dashboard", { input });

/** Every pathway template, the default first, then by name. */
export const listTemplates = (): Promise<PathwayTemplate[]> => call("list_templates");

export const getTemplate = (id: string): Promise<PathwayTemplate> => call("get_template", { id });

/** Saves a template whole (its tasks in the order given); answers it as saved. */
export const saveTemplate = (input: SaveTemplateRequest): Promise<PathwayTemplate> =>
  call("save_template", { input });
