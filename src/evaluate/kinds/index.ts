import type { Target, TargetKind } from "../../catalogue/schema.js";
import type { Evaluator } from "../types.js";
import { density } from "./density.js";
import { flow, growth } from "./flow.js";
import { institutionShare } from "./institution-share.js";
import { perInstitution } from "./per-institution.js";
import { posts } from "./posts.js";
import { ratio } from "./ratio.js";
import { reference } from "./reference.js";
import { share } from "./share.js";
import { total } from "./total.js";

/** One evaluator per target kind. A new kind is a module here and a schema entry, nothing else. */
export const evaluators: { [K in TargetKind]: Evaluator<Extract<Target, { kind: K }>> } = {
  density,
  ratio,
  share,
  per_institution: perInstitution,
  institution_share: institutionShare,
  total,
  flow,
  growth,
  reference,
  posts,
};
