/**
 * Permalinks in the browser: highlight the target of the URL's fragment,
 * say so visibly when the fragment names nothing on the page, and copy a
 * permalink's full URL when its control is used.
 */

import { fragmentTarget } from './fragment.ts';

const note = document.getElementById('anchor-note');

function showTarget(): void {
  document.querySelectorAll('.is-target').forEach((element) => element.classList.remove('is-target'));
  const target = fragmentTarget();
  if (!note) return;
  if (!target) {
    note.hidden = true;
    return;
  }
  if (target.element) {
    note.hidden = true;
    target.element.classList.add('is-target');
    const redirected = target.element.dataset.movedNote;
    if (redirected) {
      note.textContent = redirected;
      note.hidden = false;
    }
    return;
  }
  note.textContent = '';
  const text = document.createElement('span');
  text.textContent = `The link pointed to “#${target.id}”, which is not on this page: the provision may have been renamed or removed. `;
  const top = document.createElement('a');
  top.href = '#main';
  top.textContent = 'Read the page from the top';
  note.append(text, top, '.');
  note.hidden = false;
}

function showCopied(control: HTMLElement, message: string): void {
  let status = document.getElementById('copy-status');
  if (!status) {
    status = document.createElement('p');
    status.id = 'copy-status';
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  status.textContent = message;
  status.classList.add('visible');
  control.classList.add('copied');
  window.setTimeout(() => {
    status?.classList.remove('visible');
    control.classList.remove('copied');
  }, 1800);
}

document.addEventListener('click', (event) => {
  const control = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.permalink');
  if (!control) return;
  const url = new URL(control.getAttribute('href') ?? '', location.href).href;
  // The link still navigates (so the target is highlighted); copying is added on top.
  navigator.clipboard?.writeText(url).then(
    () => showCopied(control, 'Link copied to the clipboard.'),
    () => showCopied(control, `Link: ${url}`)
  );
});

window.addEventListener('hashchange', showTarget);
showTarget();
