/**
 * The plain-text switch of the compare views: CSS hides the change marks while
 * the checkbox is ticked; this keeps the choice across the three views (and
 * pairs) in localStorage. Without storage (private windows may refuse it) the
 * switch still works on the page.
 */
const KEY = 'summit-diff:plain-text';
const box = document.getElementById('plain-text') as HTMLInputElement | null;

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

if (box) {
  if (stored()) box.checked = true;
  box.addEventListener('change', () => {
    try {
      if (box.checked) localStorage.setItem(KEY, '1');
      else localStorage.removeItem(KEY);
    } catch {
      // No storage: the switch holds for this page only.
    }
  });
}

export {};
