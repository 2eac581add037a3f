import { describe, expect, it } from "vitest";
import { parsePostmasterPid } from "./postmaster-pid";

describe("parsePostmasterPid", () => {
  it("reads PID, data directory and port of a running server", () => {
    const text = [
      "4242",
      "/work/main/.data/postgres",
      "1764186000",
      "54329",
      "",
      "127.0.0.1",
      "  54329001         0",
      "ready   ",
      "",
    ].join("\n");
    expect(parsePostmasterPid(text)).toEqual({
      pid: 4242,
      dataDirectory: "/work/main/.data/postgres",
      port: 54329,
    });
  });

  it("tolerates a file cut short while the server was starting", () => {
    expect(parsePostmasterPid("4242\n/data\n")).toEqual({
      pid: 4242,
      dataDirectory: "/data",
      port: undefined,
    });
  });

  it("rejects garbage", () => {
    expect(parsePostmasterPid("")).toBeUndefined();
    expect(parsePostmasterPid("not-a-pid\n/data\n")).toBeUndefined();
  });
});
