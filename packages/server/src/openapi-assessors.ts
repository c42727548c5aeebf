// Who may call each operation of routes/assessor-routes.ts, in the words of policy.ts.
export const ASSESSOR_ACCESS_NOTES: Record<string, string> = {};
