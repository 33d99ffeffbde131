import { describe, expect, it } from 'vitest';
import { cellAt, cellOrigin, gridLayout, moveInGrid } from '../../../web/view/task-grid.ts';

describe('task grid', () => {
  it('fits as many 10 px cells with 2 px gaps as the width allows', () => {
    // (46 + 2) / 12 = 4 columns; 10 blocks → 3 rows
    expect(gridLayout(10, 46)).toEqual({ columns: 4, rows: 3, cell: 10, gap: 2 });
    expect(gridLayout(3, 1).columns).toBe(1);
  });

  it('maps indexes to origins and points back to indexes', () => {
    const layout = gridLayout(10, 46);
    expect(cellOrigin(layout, 5)).toEqual({ x: 12, y: 12 });
    expect(cellAt(layout, 10, 13, 13)).toBe(5);
    expect(cellAt(layout, 10, 10.5, 1)).toBe(-1); // in the gap
    expect(cellAt(layout, 10, 37, 25)).toBe(-1); // index 11 does not exist
    expect(cellAt(layout, 10, -1, 0)).toBe(-1);
  });

  it.each([
    [5, 'ArrowRight', 6], [9, 'ArrowRight', 9], [0, 'ArrowLeft', 0], [1, 'ArrowDown', 5], [8, 'ArrowDown', 9], [5, 'ArrowUp', 1],
    [2, 'ArrowUp', 0], [5, 'Home', 0], [5, 'End', 9], [5, 'x', 5],
  ])('from %i, %s goes to %i (10 blocks, 4 columns)', (from, key, to) => expect(moveInGrid(from, key, 10, 4)).toBe(to));

  it('has nowhere to go in an empty grid', () => expect(moveInGrid(0, 'ArrowRight', 0, 4)).toBe(-1));
});
