/** The element the address's fragment names, decoded (`#a%20b` names `a b`). */
export function fragmentTarget(): { id: string; element: HTMLElement | null } | undefined {
  const raw = location.hash.slice(1);
  if (!raw) return undefined;
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    // A malformed escape: look the raw text up as it is.
  }
  return { id, element: document.getElementById(id) };
}
