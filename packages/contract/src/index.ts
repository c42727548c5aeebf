// @cmmm/contract — the wire: request/response schemas and error codes. No IO.
export * from './errors.ts';
export * from './schemas.ts';
export * from './self-diagnosis.ts';
