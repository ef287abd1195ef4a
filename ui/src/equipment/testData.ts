import type { EquipmentType, EquipmentUnit, Loan, OverdueLoan } from "../api";

export const NOW = "2026-12-15T10:00:00+09:00";

export const suctionType = (over: Partial<EquipmentType> = {}): EquipmentType => ({
  id: "type-1",
  row_version: 1,
  name: "足踏み式吸引器",
  note: "",
  units: 2,
  on_loan: 1,
  ...over,
});

export const loan = (over: Partial<Loan> = {}): Loan => ({
  id: "loan-1",
  row_version: 1,
  unit_id: "unit-1",
  asset_tag: "KH-SUC-001",
  type_name: "足踏み式吸引器",
  child_id: "child-1",
  case_number: "KH-2026-0001",
  child_name: "川越 湊",
  lent_on: "2026-12-01",
  due_on: "2026-12-10",
  returned_on: null,
  return_condition: null,
  note: "",
  ...over,
});

export const unit = (n: number, over: Partial<EquipmentUnit> = {}): EquipmentUnit => ({
  id: `unit-${n}`,
  row_version: 1,
  type_id: "type-1",
  type_name: "足踏み式吸引器",
  asset_tag: `KH-SUC-00${n}`,
  condition: "good",
  retired_on: null,
  note: "",
  loan: null,
  ...over,
});

export const overdue = (over: Partial<OverdueLoan> = {}): OverdueLoan => ({
  loan: loan(),
  days_overdue: 5,
  guardian_name: "川越 彩",
  guardian_phone: "090-3456-7812",
  ...over,
});

export const childRow = {
  id: "child-1",
  case_number: "KH-2026-0001",
  name: "川越 湊",
  kana: "カワゴエ ミナト",
  date_of_birth: "2024-03-10",
  municipality_code: "112011",
  municipality_name: "川越市",
  status: "at_home",
  medical_care_score: 20,
  care_items: ["ventilator"],
};
