import type { Target } from "../../catalogue/schema.js";
import { scopeTypes } from "../compare.js";
import { Ratio } from "../exact.js";
import type { Evaluator } from "../types.js";

type Posts = Extract<Target, { kind: "posts" }>;

/**
 * Approved posts (编制): a pool or an increase to one (核增). Not a staffing level to meet: shown beside the
 * establishment the file reports, and used by the plan as a ceiling on hires into those posts.
 */
export const posts: Evaluator<Posts> = {
  kind: "posts",
  assess(target, view) {
    const counted = view.count("establishment", scopeTypes(target.scope));
    return {
      met: undefined,
      info: true,
      unit: "posts",
      required: Ratio.of(target.value),
      ...(counted.ok ? { current: Ratio.of(counted.value) } : {}),
      remarks: [{ kind: "establishment", value: counted.ok ? counted.value : null }],
    };
  },
};
