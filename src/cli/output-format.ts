// The output formats of `check` and `what-if` (`--format`), and the escaping a Markdown table cell needs.
export const OUTPUT_FORMATS = ['text', 'json', 'md'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const isOutputFormat = (value: string): value is OutputFormat => (OUTPUT_FORMATS as readonly string[]).includes(value);

/** A table cell: `|` escaped, line breaks as spaces (GitHub-flavoured Markdown). */
export const mdCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
