import meta from "../../data/catalogue.json" with { type: "json" };
import national from "../../data/targets/000-national-talent-plan.json" with { type: "json" };
import compilation from "../../data/targets/001-health-talent-compilation.json" with { type: "json" };
import district from "../../data/targets/002-xx-district-grassroots.json" with { type: "json" };
import chenggong from "../../data/targets/003-chenggong-talent-plan.json" with { type: "json" };
import cixi from "../../data/targets/004-cixi-reply.json" with { type: "json" };
import type { Catalogue } from "./catalogue.js";
import type { Target, TargetFile } from "./schema.js";

/** One JSON file per source document; test/catalogue checks each against the schema and its document. */
export const bundledFiles: ReadonlyArray<{ file: string; content: unknown }> = [
  { file: "data/targets/000-national-talent-plan.json", content: national },
  { file: "data/targets/001-health-talent-compilation.json", content: compilation },
  { file: "data/targets/002-xx-district-grassroots.json", content: district },
  { file: "data/targets/003-chenggong-talent-plan.json", content: chenggong },
  { file: "data/targets/004-cixi-reply.json", content: cixi },
];

/** The bundled catalogue. Its files are validated by the test suite, so loading them costs no schema check. */
export function bundledCatalogue(): Catalogue {
  const targets: Target[] = bundledFiles.flatMap(({ content }) => (content as TargetFile).targets);
  return {
    version: meta.version,
    published: meta.published,
    aboutTolerance: meta.aboutTolerance,
    targets,
    origin: new Map(targets.map((t) => [t.id, "bundled"])),
  };
}
