// LIKE patterns from plain text.

/** The text as a LIKE pattern matching it literally (backslash is PostgreSQL's default LIKE escape). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A LIKE pattern for "starts with text". */
export const likePrefix = (text: string): string => `${escapeLike(text)}%`;
