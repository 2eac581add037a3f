import { describe, expect, it } from "vitest";
import { displayFileName, downloadPaths, latestPath, parseDocumentPath, versionPath } from "./document-paths";

const key = { year: 2024, unitCode: "224001" };

describe("document paths", () => {
  it("builds the public URLs of a published version", () => {
    expect(latestPath(key)).toBe("/budgets/2024/224001");
    expect(versionPath(key, 2)).toBe("/budgets/2024/224001/v2");
    expect(downloadPaths(key, 2)).toEqual({
      pdf: "/budgets/2024/224001/v2/224001-2024-v2.pdf",
      docx: "/budgets/2024/224001/v2/224001-2024-v2.docx",
      xlsx: "/budgets/2024/224001/v2/224001-2024-v2.xlsx",
      csv: "/budgets/2024/224001/v2/224001-2024-v2.csv",
      json: "/budgets/2024/224001/v2/224001-2024-v2.json",
    });
  });

  it("parses exactly the URLs it builds", () => {
    expect(parseDocumentPath(latestPath(key))).toEqual({ kind: "latest", key });
    expect(parseDocumentPath(versionPath(key, 12))).toEqual({ kind: "version", key, version: 12 });
    for (const [format, path] of Object.entries(downloadPaths(key, 3))) {
      expect(parseDocumentPath(path)).toEqual({ kind: "download", key, version: 3, format, fileName: `224001-2024-v3.${format}` });
    }
  });

  it("leaves other URLs to the app, and answers not-found for impossible document URLs", () => {
    for (const path of ["/", "/regions/130433", "/budgets", "/budgets/", "/budgets/2024", "/budgetsx/2024/224001"]) {
      expect(parseDocumentPath(path)).toBeNull();
    }
    for (const path of [
      "/budgets/abcd/224001",
      "/budgets/2024/22%34001",
      "/budgets/2024/224001/",
      "/budgets/2024/224001/v0",
      "/budgets/2024/224001/v01",
      "/budgets/2024/224001/draft",
      "/budgets/2024/224001/v1/224001-2024-v2.pdf",
      "/budgets/2024/224001/v1/224001-2023-v1.pdf",
      "/budgets/2024/224001/v1/224001-2024-v1.html",
      "/budgets/2024/224001/v1/224001-2024-v1.pdf/more",
    ]) {
      expect(parseDocumentPath(path), path).toBe("not-found");
    }
  });

  it("names downloads after the unit, year and version, without characters file systems refuse", () => {
    expect(displayFileName("中共馆陶县委网络安全和信息化委员会办公室本级", 2024, 1, "PDF")).toBe(
      "中共馆陶县委网络安全和信息化委员会办公室本级2024年单位预算（第1版）.pdf",
    );
    expect(displayFileName('某局/办公室:"本级"', 2024, 2, "CSV")).toBe("某局_办公室__本级_2024年单位预算（第2版）.csv");
  });

  it("builds and parses the URLs of a department budget (部门预算), beside its units'", () => {
    const department = { year: 2024, departmentCode: "224" };
    expect(latestPath(department)).toBe("/budgets/2024/departments/224");
    expect(versionPath(department, 2)).toBe("/budgets/2024/departments/224/v2");
    expect(downloadPaths(department, 2).pdf).toBe("/budgets/2024/departments/224/v2/department-224-2024-v2.pdf");
    expect(parseDocumentPath(latestPath(department))).toEqual({ kind: "latest", key: department });
    expect(parseDocumentPath(versionPath(department, 3))).toEqual({ kind: "version", key: department, version: 3 });
    for (const [format, path] of Object.entries(downloadPaths(department, 3))) {
      expect(parseDocumentPath(path)).toEqual({ kind: "download", key: department, version: 3, format, fileName: `department-224-2024-v3.${format}` });
    }
    for (const path of [
      "/budgets/2024/departments",
      "/budgets/2024/departments/",
      "/budgets/2024/departments/224/v1/224-2024-v1.pdf",
      "/budgets/2024/departments/224/v1/department-224001-2024-v1.pdf",
    ]) {
      expect(parseDocumentPath(path), path).toBe("not-found");
    }
    expect(displayFileName("某部门", 2024, 1, "PDF", "部门预算")).toBe("某部门2024年部门预算（第1版）.pdf");
  });
});
