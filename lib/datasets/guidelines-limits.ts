/** The longest guidelines an admin may save (the editor shows the count against it). */
export const GUIDELINES_MAX_CHARS = 50_000;
