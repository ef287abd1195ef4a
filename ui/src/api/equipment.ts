// The equipment lending commands of docs/ipc.md ("Equipment lending"). Writes take one
// `{ input }`; reads of one unit or type keep snake_case arguments (`{ unit_id }`, `{ type_id }`).
import type {
  AddUnitRequest,
  EquipmentType,
  EquipmentTypeInput,
  EquipmentUnit,
  LendRequest,
  Loan,
  OverdueLoan,
  ReturnRequest,
  UnitHistory,
  UpdateUnitRequest,
} from "./bindings";
import { call } from "./call";

export const addEquipmentType = (input: EquipmentTypeInput): Promise<EquipmentType> =>
  call("add_equipment_type", { input });

export const addEquipmentUnit = (input: AddUnitRequest): Promise<EquipmentUnit> =>
  call("add_equipment_unit", { input });

export const updateEquipmentUnit = (input: UpdateUnitRequest): Promise<EquipmentUnit> =>
  call("update_equipment_unit", { input });

/** Lends a unit; a unit already out, not in working order or retired is refused at `unit_id`. */
export const lendEquipment = (input: LendRequest): Promise<Loan> =>
  call("lend_equipment", { input });

/** A unit comes back; a unit that is not out is refused at `unit_id`. */
export const returnEquipment = (input: ReturnRequest): Promise<Loan> =>
  call("return_equipment", { input });

/** Every kind of equipment by name, with its units in service and how many are out. */
export const equipmentTypes = (): Promise<EquipmentType[]> => call("equipment_types");

/** The units of one type (or of all, by type then asset tag), each with its current loan. */
export const equipmentUnits = (typeId: string | null): Promise<EquipmentUnit[]> =>
  call("equipment_units", { type_id: typeId });

export const equipmentUnit = (unitId: string): Promise<EquipmentUnit> =>
  call("equipment_unit", { unit_id: unitId });

/** The unit with this asset tag (full-width letters and digits count as half-width). */
export const equipmentUnitByTag = (assetTag: string): Promise<EquipmentUnit> =>
  call("equipment_unit_by_tag", { asset_tag: assetTag });

/** Loans not back by their due date on the office's today, the longest overdue first. */
export const overdueLoans = (): Promise<OverdueLoan[]> => call("overdue_loans");

export const unitHistory = (unitId: string): Promise<UnitHistory> =>
  call("unit_history", { unit_id: unitId });
