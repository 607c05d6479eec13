import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Test files in one fixed order: by project, then by path. The integration files share one
 * database, so what one leaves behind is what the next starts from; Vitest's own order (unknown
 * files by size, then failed first, then slowest first, from its results cache) changed between a
 * first run and the faketime runs after it, and a pair of files that pass in one order failed in
 * the other. A fixed order makes every run start from the same data.
 */
export class FixedOrderSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const key = (f: TestSpecification) => `${f.project.name}\u0000${path.relative(process.cwd(), f.moduleId)}`;
    return [...files].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
}
