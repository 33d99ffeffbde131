// Layout of the task blocks inside an instance card: a compact grid, row-major, and the reverse
// (which block a point falls on) for pointer hover over a canvas or a grid.

export interface GridLayout {
  columns: number;
  rows: number;
  cell: number;
  gap: number;
}

/** A grid of `count` square cells of `cell` px with `gap` px between them, `width` px wide (at least one column). */
export function gridLayout(count: number, width: number, cell = 10, gap = 2): GridLayout {
  const columns = Math.max(1, Math.floor((width + gap) / (cell + gap)));
  return { columns, rows: Math.ceil(count / columns), cell, gap };
}

/** The top-left corner of block `index`. */
export function cellOrigin(layout: GridLayout, index: number): { x: number; y: number } {
  const step = layout.cell + layout.gap;
  return { x: (index % layout.columns) * step, y: Math.floor(index / layout.columns) * step };
}

/** The block under (x, y), or -1 for a gap or outside. */
export function cellAt(layout: GridLayout, count: number, x: number, y: number): number {
  const step = layout.cell + layout.gap;
  if (x < 0 || y < 0) return -1;
  const col = Math.floor(x / step);
  const row = Math.floor(y / step);
  if (col >= layout.columns || x - col * step >= layout.cell || y - row * step >= layout.cell) return -1;
  const index = row * layout.columns + col;
  return index < count ? index : -1;
}

/** Keyboard movement in a row-major grid: the index Arrow/Home/End keys lead to (clamped). */
export function moveInGrid(index: number, key: string, count: number, columns: number): number {
  if (count === 0) return -1;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight': return Math.min(last, index + 1);
    case 'ArrowLeft': return Math.max(0, index - 1);
    case 'ArrowDown': return Math.min(last, index + columns);
    case 'ArrowUp': return Math.max(0, index - columns);
    case 'Home': return 0;
    case 'End': return last;
    default: return index;
  }
}
