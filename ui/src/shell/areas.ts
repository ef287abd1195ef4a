/** The areas of the app, in the order of the navigation. `ready` areas have a real screen. */
export const AREAS = [
  { key: "cases", ready: true },
  { key: "providers", ready: true },
  { key: "surveys", ready: true },
  { key: "planning", ready: true },
  { key: "respite", ready: true },
  { key: "equipment", ready: true },
  { key: "consultations", ready: true },
  { key: "disaster", ready: true },
  { key: "reports", ready: false },
  { key: "municipalities", ready: true },
  { key: "audit", ready: true },
  { key: "settings", ready: true },
] as const;

export type AreaKey = (typeof AREAS)[number]["key"];
export type PlannedArea = Extract<(typeof AREAS)[number], { ready: false }>["key"];

export const areaPath = (key: AreaKey) => `/${key}`;
