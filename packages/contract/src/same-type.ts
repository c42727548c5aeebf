// Compile-time agreement between a zod schema's type and the model's own type: a schema that drifts
// from what the model produces fails `tsc`, not a user.

/** true when A and B are the same type (not merely assignable one way). */
export type SameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when T is true. */
export type Assert<T extends true> = T;
