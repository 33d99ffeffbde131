// Styles the bottom-panel elements share (tables, filters, muted text, focus).
import { css } from 'lit';

export const panelStyles = css`
  :host { display: block; font: inherit; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 0.4rem; }
  label { display: inline-flex; gap: 0.35rem; align-items: center; }
  select, input, button {
    font: inherit; color: inherit; background: var(--ecs-bg, #fff); border: 1px solid var(--ecs-border-color, #bdc1c6);
    border-radius: 6px; padding: 0.15rem 0.5rem; min-height: 1.9rem;
  }
  button { cursor: pointer; }
  :focus-visible { outline: 3px solid var(--ecs-focus, #1a73e8); outline-offset: 1px; }
  .scroll { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.88em; }
  th, td { border-bottom: 1px solid var(--ecs-border-color, #dadce0); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  th { font-weight: 600; position: sticky; top: 0; background: var(--ecs-bg, #fff); }
  .mono { font-family: var(--ecs-mono-font, ui-monospace, monospace); font-size: 0.92em; }
  .muted { color: var(--ecs-muted-color, #5f6368); }
  .error { color: var(--ecs-error-color, #b00020); }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
