import { describe, expect, it } from "vitest";
import { barChart, groupedColumns } from "../../src/cli/formatters/svg.js";
import { displayWidth } from "../../src/cli/formatters/text.js";

describe("the hires chart's legend", () => {
  it("gives each entry the width of its name, and starts a new row rather than running into the next", () => {
    const names = ["卫生人员", "其中 基层医疗卫生机构卫生人员（乡镇卫生院、社区卫生服务中心）", "of which public-health institution staff", "注册护士", "药师(士)", "执业(助理)医师"];
    const chart = groupedColumns(["2026", "2027"], names.map((name, i) => ({ name, values: [i + 1, i + 2] })), { title: "hires", width: 700 });
    // each legend entry is its swatch and its name: <rect … x y width="10" height="10"/><text x y>name</text>
    const entries = [...chart.matchAll(/<rect class="s\d+" x="([\d.]+)" y="([\d.]+)" width="10" height="10"\/><text x="[\d.]+" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      name: m[3]!,
    }));
    expect(entries.map((e) => e.name)).toEqual(names.map((n) => n.replace(/&/g, "&amp;")));
    for (let k = 1; k < entries.length; k++) {
      const [before, entry] = [entries[k - 1]!, entries[k]!];
      if (entry.y === before.y) expect(entry.x).toBeGreaterThanOrEqual(before.x + 14 + displayWidth(before.name) * 7);
      else expect(entry.y).toBeGreaterThan(before.y);
    }
    expect(new Set(entries.map((e) => e.y)).size).toBeGreaterThan(1);
    const height = Number(/height="(\d+)"/.exec(chart)![1]);
    expect(Math.max(...entries.map((e) => e.y)) + 10).toBeLessThanOrEqual(height);
  });
});

describe("the overview's bar chart", () => {
  it("takes a bar for every region of a country, more than a call takes arguments, scaled to the largest", () => {
    const bars = Array.from({ length: 200_000 }, (_, i) => ({ label: `县 ${i}`, value: i % 1000 === 0 ? 4000 : i % 97 }));
    const chart = barChart(bars, { title: "people needed" });
    const widths = [...chart.matchAll(/<rect class="bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(200_000);
    // the largest value spans the plot; a value of 96 is 96/4000 of it
    const plot = Math.max(...widths.slice(0, 1000));
    expect(widths[0]).toBe(plot);
    expect(widths[96]).toBeCloseTo((plot * 96) / 4000, 0);
  });
});
