/** Colours for terminals: only on a TTY, and never when NO_COLOR is set. */
const CODES = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1 } as const;

export type Palette = typeof CODES;

export function useColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
    return stream.isTTY === true;
}

export function paint(enabled: boolean, colour: keyof Palette, text: string): string {
    return enabled ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}

/** Pads a cell to a width counted in characters the terminal shows (ignoring colour codes). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
    const visible = [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
    const fill = ' '.repeat(Math.max(0, width - visible));
    return align === 'left' ? text + fill : fill + text;
}

export function visibleWidth(text: string): number {
    return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
