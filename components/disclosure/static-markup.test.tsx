import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { guantao2024Budget, guantao2024CodeBook } from "@/lib/demo/guantao-2024";
import { buildSnapshotContent } from "@/lib/publication/snapshot-content";
import { DisclosureDocument } from "./disclosure-document";
import { renderStaticMarkup } from "./static-markup";

const publication = { version: 1, publishedAt: "2024-02-01T08:00:00.000Z", approvedAt: "2024-01-20", correctionNote: null };

describe("renderStaticMarkup", () => {
  it("writes the whole document exactly as react-dom/server does", () => {
    const budget = structuredClone(guantao2024Budget);
    budget.procurement = [
      {
        projectName: "互联网信息管理经费", itemName: "台式计算机", catalogueCode: "A02010104", unitOfMeasure: "台", quantity: 2, unitPrice: 600_000,
        generalBudget: 1_200_000, governmentFund: 0, stateCapital: 0, specialAccount: 0, unitFunds: 0, carryover: 0, total: 1_200_000, smeReserved: 0,
      },
    ];
    for (const content of [
      buildSnapshotContent(guantao2024Budget, guantao2024CodeBook, publication),
      buildSnapshotContent(budget, guantao2024CodeBook, { ...publication, version: 2, correctionNote: "更正“办公费”。\n其余不变 <b>&</b>" }),
    ]) {
      const element = <DisclosureDocument content={content} />;
      expect(renderStaticMarkup(element)).toBe(renderToStaticMarkup(element));
    }
  });

  it("writes attributes, booleans, numbers, void elements and escapes as react-dom/server does", () => {
    const element = (
      <div className="a" data-n={0} aria-hidden={true} hidden={false}>
        {["x", 1, null, false, undefined]}
        <>
          <a href={'/"q"&<>'} download tabIndex={0}>
            {"'t'"}
          </a>
          <col span={2} />
          <label htmlFor="f">l</label>
          <span dangerouslySetInnerHTML={{ __html: "<!--raw-->" }} />
        </>
      </div>
    );
    expect(renderStaticMarkup(element)).toBe(renderToStaticMarkup(element));
  });

  it("refuses what a published page must not carry, instead of dropping it", () => {
    expect(() => renderStaticMarkup(<button onClick={() => undefined}>x</button>)).toThrow(/onClick/);
    expect(() => renderStaticMarkup(<p style={{ color: "red" }}>x</p>)).toThrow(/style/);
    async function Later() {
      return <p>x</p>;
    }
    expect(() => renderStaticMarkup(<Later />)).toThrow(/async component/);
  });
});
