export interface NetAttempt {
  api: string
  target: string
}
/** Blocks and records every outbound network API; returns a function that restores them. */
export function installNetGuard(record: (attempt: NetAttempt) => void): () => void
