import type { Budget, UnitInfo } from "@/lib/disclosure/types";

/**
 * A budget with nothing entered yet, for a unit that starts a year without a prior budget: the
 * unit's current profile (so saving it keeps the master data as it is), no lines, no prior year.
 */
export function emptyBudget(
  identity: { unit: UnitInfo; department: Budget["department"]; region: Budget["region"] },
  year: number,
): Budget {
  return {
    unit: structuredClone(identity.unit),
    department: { ...identity.department },
    region: { ...identity.region },
    year,
    amountUnit: "WAN_YUAN",
    income: [],
    expenditure: [],
    basicEconomic: [],
    yearEndCarryover: 0,
    projects: [],
    threePublic: [],
    procurement: [],
    assets: { asOf: `${year - 1}-12-31`, holdings: [], statedTotalValue: null, plannedPurchases: 0 },
    priorYear: null,
    narrative: { basicChangeReason: "", projectChangeReason: "", totalChangeReason: "", threePublicChangeReason: "", operatingFundsUse: "", otherNotes: "" },
    glossary: [],
  };
}
