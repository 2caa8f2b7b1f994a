/** "velfærd" → "Velfærd": the charter's perspective names, as labels that start a line. */
export const upperFirst = (s: string): string => s.charAt(0).toLocaleUpperCase('da') + s.slice(1);
