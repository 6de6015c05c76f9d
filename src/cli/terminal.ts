/**
 * What the terminal allows: colour and width. One decision for every command, following the
 * conventions gh, npm and most CLIs share:
 * - colour only when the output is a terminal; NO_COLOR (any value, https://no-color.org) and
 *   TERM=dumb turn it off; FORCE_COLOR (any value but "0"/"false") and CLICOLOR_FORCE (any
 *   value but "0", https://bixense.com/clicolors) turn it on even when piped; `--no-color` wins
 *   over everything.
 * - text wraps at the terminal's width (process.stdout.columns), 80 when it is unknown (a pipe,
 *   a file), so a report piped to a file reads the same as on a standard terminal.
 */

export const DEFAULT_COLUMNS = 80;
/**
 * Text is never wrapped narrower than a RACF deck: commands shown in deck form (columns 1–71 and
 * a `-` continuation) must reach the clipboard as they are, so on a narrower terminal the
 * terminal's own soft wrap takes over (and a copy joins the lines back).
 */
const MIN_COLUMNS = 72;

export function colourWanted(
  env: Record<string, string | undefined>,
  isTTY: boolean,
  noColorFlag = false,
): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "0" && force.toLowerCase() !== "false") return true;
  const cliForce = env.CLICOLOR_FORCE;
  if (cliForce !== undefined && cliForce !== "0") return true;
  if (env.TERM === "dumb") return false;
  return isTTY;
}

export function terminalColumns(columns: number | undefined): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return DEFAULT_COLUMNS;
  return Math.max(MIN_COLUMNS, Math.floor(columns));
}

// ANSI colour sequences are measured as zero width.
const ANSI = /\u001b\[[0-9;]*m/g;

function visibleLength(s: string): number {
  return s.replace(ANSI, "").length;
}

/**
 * Wrap every line longer than `width` at blanks, continuation lines indented like the line they
 * continue (plus two, so a wrapped line is told from the next item). A word longer than the room
 * is left whole rather than cut (a file name or a URL must stay copyable).
 */
export function wrapText(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => wrapLine(line, width))
    .join("\n");
}

function wrapLine(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  const indent = /^ */.exec(line)?.[0] ?? "";
  const hang = `${indent}  `;
  const words = line.slice(indent.length).split(" ");
  const out: string[] = [];
  let cur = indent;
  let empty = true;
  for (const w of words) {
    if (!empty && visibleLength(cur) + 1 + visibleLength(w) > width) {
      out.push(cur);
      cur = hang + w;
      continue;
    }
    cur = empty ? cur + w : `${cur} ${w}`;
    empty = false;
  }
  out.push(cur);
  return out.join("\n");
}
