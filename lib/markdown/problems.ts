/** A content error a plugin found, reported after the compile (which would flatten a thrown error into text). */
export interface Problem {
  /** Line in the body. */
  line?: number;
  /** The attribute at fault, where one is. */
  field?: string;
  detail: string;
}
