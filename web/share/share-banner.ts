// The banner that says a share link could not be opened (issue 5 item 4). It sits above the
// playground in the light DOM, so it shows even before the playground has rendered; Dismiss removes it.

const STYLE = [
  'display:flex', 'flex-wrap:wrap', 'align-items:baseline', 'gap:0.5rem', 'margin:0', 'padding:0.5rem 0.75rem',
  'background:var(--ecs-card-warn-bg, #fef7e0)', 'color:var(--ecs-fg, #202124)',
  'border-bottom:2px solid var(--ecs-error-color, #b00020)', 'font:inherit',
].join(';');

/** Shows `problem` at the top of the page; returns the banner. Focus moves to its Dismiss button only when asked. */
export function showShareProblem(problem: string, options: { focus?: boolean } = {}): HTMLElement {
  document.querySelector('[data-testid="share-banner"]')?.remove();
  const banner = document.createElement('div');
  banner.setAttribute('role', 'alert');
  banner.dataset.testid = 'share-banner';
  banner.setAttribute('style', STYLE);
  const text = document.createElement('p');
  text.style.margin = '0';
  text.style.flex = '1 1 20rem';
  text.textContent = problem;
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.dataset.testid = 'share-banner-dismiss';
  dismiss.textContent = 'Dismiss';
  dismiss.style.font = 'inherit';
  dismiss.addEventListener('click', () => banner.remove());
  banner.append(text, dismiss);
  document.body.prepend(banner);
  if (options.focus) dismiss.focus();
  return banner;
}
