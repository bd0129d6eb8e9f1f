import { Chalk, type ChalkInstance } from "chalk";

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

export function painter(level: 0 | 1): ChalkInstance {
  return new Chalk({ level });
}
