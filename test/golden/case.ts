// What a golden case folder holds: test/golden/<case>/project.ts (this shape) and expected/ (the golden files).

/** A golden case: a project written into a temporary folder, and how to build it. */
export interface GoldenCase {
  /** What shape of the report the case shows, in a line. */
  description: string;
  /** Options after `bilancio build <project> --out <out>`. */
  args: string[];
  /** Writes the project's input into `dir` (created), the same bytes on every run. */
  writeProject(dir: string): Promise<void>;
}
