import { useMemo } from "react";
import { toOptions } from "../../municipalities/options";
import { useMunicipalities } from "../../municipalities/useMunicipalities";

/** Municipality names by code (a ward with its city), from the list every select already reads. */
export function useMunicipalityNames(): (code6: string) => string {
  const list = useMunicipalities("");
  const names = useMemo(
    () => new Map(toOptions(list.data ?? []).map((o) => [o.value, o.label])),
    [list.data],
  );
  return (code6) => names.get(code6) ?? code6;
}
