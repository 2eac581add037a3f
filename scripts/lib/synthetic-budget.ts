/**
 * A synthetic budget for the benchmarks: ~`lineTarget` expenditure lines over the 31 functional
 * classes, `projectCount` projects, 50 procurement rows, with a code book of its own. Deterministic
 * (same numbers on every run) and free of findings, so it measures the full derivation and checks.
 */
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { FUNCTIONAL_CLASSES } from "@/lib/disclosure/functional-classes";
import type {
  BasicEconomicLine,
  Budget,
  ClassificationCode,
  CodeBook,
  ExpenditureLine,
  Fen,
  FundSource,
  ProcurementRow,
  Project,
} from "@/lib/disclosure/types";

/** Deterministic pseudo-random amounts, so every run measures the same budget. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// Codes C9 pairs with economic 款; leaving them out keeps the synthetic budget free of warnings.
const PAIRED_CODES = new Set(["2080505", "2101101", "2210201"]);

export function syntheticBudget(lineTarget: number, projectCount: number): { budget: Budget; codeBook: CodeBook } {
  const random = generator(20_240_101);
  const amount = (): Fen => 100_000 + Math.floor(random() * 50_000_000);
  const functional: ClassificationCode[] = [];
  const itemCodes: string[] = [];
  for (const cls of FUNCTIONAL_CLASSES) {
    if (!cls.code) continue;
    functional.push({ scheme: "FUNCTIONAL", code: cls.code, name: cls.name, level: 1, parentCode: null });
    for (let k = 1; k <= 6; k++) {
      const section = `${cls.code}${String(k).padStart(2, "0")}`;
      functional.push({ scheme: "FUNCTIONAL", code: section, name: `${cls.name}第${k}款`, level: 2, parentCode: cls.code });
      for (let x = 1; x <= 6; x++) {
        const item = `${section}${String(x).padStart(2, "0")}`;
        functional.push({ scheme: "FUNCTIONAL", code: item, name: `${cls.name}第${k}款第${x}项`, level: 3, parentCode: section });
        if (!PAIRED_CODES.has(item)) itemCodes.push(item);
      }
    }
  }
  const codes = itemCodes.slice(0, Math.ceil(lineTarget / 2));

  const expenditure: ExpenditureLine[] = [];
  const projects: Project[] = [];
  codes.forEach((code, i) => {
    expenditure.push({ functionalCode: code, kind: "BASIC", source: "GENERAL_BUDGET", amount: amount() });
    const value = amount();
    if (i < projectCount) {
      expenditure.push({ functionalCode: code, kind: "PROJECT", source: "GENERAL_BUDGET", amount: value });
      projects.push({
        ...structuredClone(guantao2024Budget.projects[i % guantao2024Budget.projects.length] as Project),
        code: `SYN${String(i).padStart(6, "0")}`,
        name: `合成项目${i + 1}`,
        functionalCode: code,
        fiscalAmount: value,
        otherAmount: 0,
        amount: value,
        priorYearAmount: null,
      });
    } else {
      const source: FundSource = i % 3 === 0 ? "GOVERNMENT_FUND" : "BUSINESS";
      expenditure.push({ functionalCode: code, kind: "BASIC", source, amount: value });
    }
  });

  const incomeBySource = new Map<FundSource, Fen>();
  for (const line of expenditure) incomeBySource.set(line.source, (incomeBySource.get(line.source) ?? 0) + line.amount);

  // Spread the general-budget basic expenditure over the economic 款 of the demo code book.
  const basicGeneral = expenditure.filter((l) => l.kind === "BASIC" && l.source === "GENERAL_BUDGET").reduce((a, l) => a + l.amount, 0);
  const economicItems = guantao2024CodeBook.economic.filter((c) => c.level === 2 && !["30108", "30110", "30113"].includes(c.code));
  const basicEconomic: BasicEconomicLine[] = [];
  let remaining = basicGeneral;
  economicItems.forEach((c, i) => {
    const share = i === economicItems.length - 1 ? remaining : Math.floor(basicGeneral / economicItems.length);
    remaining -= share;
    basicEconomic.push({ economicCode: c.code, category: c.code.startsWith("301") ? "PERSONNEL" : "PUBLIC", source: "GENERAL_BUDGET", amount: share });
  });

  const procurement: ProcurementRow[] = Array.from({ length: 50 }, (_, i) => {
    const value = amount();
    return {
      projectName: `合成项目${i + 1}`,
      itemName: "台式计算机",
      catalogueCode: "A02010104",
      unitOfMeasure: "台",
      quantity: 1,
      unitPrice: value,
      generalBudget: value,
      governmentFund: 0,
      stateCapital: 0,
      specialAccount: 0,
      unitFunds: 0,
      carryover: 0,
      total: value,
      smeReserved: Math.floor(value / 2),
    };
  });

  const project = projects.reduce((a, p) => a + p.amount, 0);
  const total = expenditure.reduce((a, l) => a + l.amount, 0);
  const budget: Budget = {
    ...structuredClone(guantao2024Budget),
    income: [...incomeBySource].map(([source, value]) => ({ source, amount: value })),
    expenditure,
    basicEconomic,
    projects,
    procurement,
    threePublic: [{ appropriation: "GENERAL_BUDGET", abroad: 0, vehiclePurchase: 0, vehicleOperation: 2_000_000, reception: 500_000 }],
    // the car those running costs are for (plausibility rule P5)
    assets: { ...guantao2024Budget.assets, holdings: [...guantao2024Budget.assets.holdings, { category: "VEHICLES", quantity: 1, value: 15_000_000 }] },
    priorYear: { year: 2023, total: total + 10_000_000, basic: total - project + 10_000_000, project, threePublic: 2_500_000 },
  };
  return { budget, codeBook: { year: 2024, functional, economic: guantao2024CodeBook.economic } };
}
