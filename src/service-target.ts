/**
 * The age range of a service's target population as the catalogue writes it (`eta:0-2`, `eta:65+`);
 * null for `tutti` (all residents) or anything that is not an age range. The one parser of this syntax,
 * shared by validation (users within target), compute (coverage denominators) and the report (its words).
 */
export function targetAgeRange(target: string): { min: number; max: number | null } | null {
  const match = /^eta:(\d+)(?:-(\d+)|\+)$/.exec(target);
  if (!match) return null;
  return { min: Number(match[1]), max: match[2] === undefined ? null : Number(match[2]) };
}
