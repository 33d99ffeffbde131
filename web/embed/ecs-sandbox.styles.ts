// The widget's own styles. `all: initial` on the host stops the page's inherited styles (font, colour,
// line height, text alignment…) at the shadow boundary; the page themes the widget only through the
// `--ecs-*` custom properties (set them on the `ecs-sandbox` selector) and `::part`.
import { css } from 'lit';

export const sandboxStyles = css`
  :host {
    all: initial;
    display: block; box-sizing: border-box;
    font: var(--ecs-font-size, 14px) / 1.45 var(--ecs-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--ecs-fg, #202124); background: var(--ecs-bg, #fff);
    border: 1px solid var(--ecs-border-color, #dadce0); border-radius: var(--ecs-radius, 10px);
    padding: 0.6rem 0.75rem; min-width: 0;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --ecs-bg: #202124; --ecs-fg: #e8eaed; --ecs-muted-color: #9aa0a6; --ecs-border-color: #5f6368; --ecs-panel-bg: #292a2d;
      --ecs-card-bg: #292a2d; --ecs-track-bg: #3c4043; --ecs-accent: #8ab4f8; --ecs-focus: #8ab4f8; --ecs-card-warn-bg: #3c3a2b;
      --ecs-selected-bg: #35363a; --ecs-warn-color: #fdd663; --ecs-error-color: #f28b82;
    }
  }
  :host([hidden]) { display: none; }
  *, *::before, *::after { box-sizing: border-box; }
  h3 { font-size: 0.95em; font-weight: 600; margin: 0.6rem 0 0.3rem; color: var(--ecs-heading-color, inherit); }
  .title { font-weight: 600; margin-right: auto; }
  [part~='toolbar'] { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin-bottom: 0.4rem; }
  button {
    font: inherit; color: inherit; background: var(--ecs-panel-bg, #f8f9fa); border: 1px solid var(--ecs-border-color, #bdc1c6);
    border-radius: 6px; padding: 0.15rem 0.6rem; min-height: 1.9rem; cursor: pointer;
  }
  button[aria-pressed='true'] { background: var(--ecs-accent, #1a73e8); border-color: var(--ecs-accent, #1a73e8); color: var(--ecs-accent-fg, #fff); }
  button:disabled { opacity: 0.55; cursor: default; }
  :focus-visible { outline: 3px solid var(--ecs-focus, #1a73e8); outline-offset: 1px; }
  .clock { font-variant-numeric: tabular-nums; color: var(--ecs-muted-color, #5f6368); font-size: 0.9em; }
  [part~='status'] { margin: 0 0 0.3rem; min-height: 1.2em; font-size: 0.9em; color: var(--ecs-muted-color, #5f6368); }
  .error { color: var(--ecs-error-color, #b00020); }
  [part~='services'] { list-style: none; margin: 0 0 0.4rem; padding: 0; font-size: 0.9em; }
  details > summary { cursor: pointer; font-weight: 600; margin: 0.5rem 0 0.25rem; }
  .scroll { overflow: auto; }
  table { border-collapse: collapse; width: 100%; font-size: 0.88em; }
  th, td { border-bottom: 1px solid var(--ecs-border-color, #dadce0); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
  th { font-weight: 600; }
  [part~='events'] ecs-event-log { max-height: var(--ecs-events-height, 14rem); overflow: auto; }
  [part~='playground'] { display: block; height: var(--ecs-full-height, 44rem); }
  .muted { color: var(--ecs-muted-color, #5f6368); }
`;
