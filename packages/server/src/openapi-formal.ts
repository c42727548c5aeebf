// Who may call each operation of routes/formal-assessment-routes.ts, in the words of policy.ts.
export const FORMAL_ACCESS_NOTES: Record<string, string> = {};
