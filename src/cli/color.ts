import type { ChalkInstance } from "chalk";

/** The styles the formatters use; chalk provides them when colour is on. */
export type Paint = Pick<ChalkInstance, "red" | "yellow" | "green" | "dim" | "bold" | "underline">;

/**
 * Colour is decided once per run: --no-color and NO_COLOR (any non-empty value) turn it off, FORCE_COLOR turns it
 * on (FORCE_COLOR=0 off), otherwise only a terminal gets colour.
 */
export function colorLevel(options: { color?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 {
  if (options.color === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force === "0" || force === "false" ? 0 : 1;
  return isTTY && env.TERM !== "dumb" ? 1 : 0;
}

/** Text as it is, under every style name: what piped output and files get. */
export const plain: Paint = (() => {
  const same = ((text: string) => text) as unknown as Paint & Record<string, unknown>;
  for (const style of ["red", "yellow", "green", "dim", "bold", "underline"]) same[style] = same;
  return same;
})();

/** chalk is loaded only when colour is on: a plain run does not pay for its terminal probing. */
export async function painter(level: 0 | 1): Promise<Paint> {
  if (level === 0) return plain;
  const { Chalk } = await import("chalk");
  return new Chalk({ level });
}
