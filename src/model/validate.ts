import * as z from 'zod/mini';

/** Thrown when data crossing a boundary does not match its schema; the message names the field. */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    what: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`Invalid ${what}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

/** Turns zod's issues into `field.path: message` pairs a person can read. */
export function describeIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** Parses `data` with `schema` or throws a ValidationError naming every bad field. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, data: unknown, what: string): z.infer<S> {
  const result = z.safeParse(schema, data);
  if (!result.success) throw new ValidationError(what, describeIssues(result.error));
  return result.data;
}
