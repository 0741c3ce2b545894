/**
 * The clause graph in the browser: a tooltip with the clause for the flow under
 * the pointer or in focus, the whole provision's lineage highlighted, and arrow
 * keys to move between flows (one tab stop for the picture: a roving tabindex).
 */

for (const svg of document.querySelectorAll<SVGSVGElement>('svg[data-flow-graph]')) setUp(svg);

function setUp(svg: SVGSVGElement): void {
  const links = [...svg.querySelectorAll<SVGAElement>('a.f-link')];
  if (links.length === 0) return;
  const region = svg.closest<HTMLElement>('.flow-scroll') ?? svg.parentElement!;
  const tip = document.createElement('p');
  tip.className = 'graph-tip';
  tip.hidden = true;
  tip.setAttribute('aria-hidden', 'true');
  region.append(tip);

  const byPair = new Map<number, SVGAElement[]>();
  for (const link of links) {
    const pair = Number(link.dataset.pair ?? 0);
    const list = byPair.get(pair) ?? [];
    list.push(link);
    byPair.set(pair, list);
  }
  for (const list of byPair.values()) list.sort((a, b) => Number(a.dataset.y) - Number(b.dataset.y));
  const ordered = [...byPair.keys()].sort((a, b) => a - b).flatMap((pair) => byPair.get(pair)!);

  let current = ordered[0]!;
  for (const link of ordered) link.setAttribute('tabindex', link === current ? '0' : '-1');

  const show = (link: SVGAElement) => {
    highlight(link);
    tip.textContent = link.getAttribute('aria-label') ?? '';
    tip.hidden = false;
    const box = link.getBoundingClientRect();
    const frame = region.getBoundingClientRect();
    const left = Math.min(box.left - frame.left + region.scrollLeft + box.width / 2, region.scrollLeft + frame.width - 300);
    tip.style.left = `${Math.max(region.scrollLeft + 4, left)}px`;
    tip.style.top = `${box.bottom - frame.top + region.scrollTop + 6}px`;
  };
  const hide = () => {
    tip.hidden = true;
    highlight(undefined);
  };
  const highlight = (link: SVGAElement | undefined) => {
    svg.classList.toggle('is-dimmed', Boolean(link));
    const lineage = link?.dataset.lineage;
    for (const other of links) other.classList.toggle('is-lineage', lineage !== undefined && other.dataset.lineage === lineage);
  };

  const focus = (link: SVGAElement | undefined) => {
    if (!link) return;
    current.setAttribute('tabindex', '-1');
    current = link;
    current.setAttribute('tabindex', '0');
    current.focus();
  };

  svg.addEventListener('pointerover', (event) => {
    const link = (event.target as Element).closest<SVGAElement>('a.f-link');
    if (link) show(link);
  });
  svg.addEventListener('pointerleave', hide);
  svg.addEventListener('focusin', (event) => {
    const link = (event.target as Element).closest<SVGAElement>('a.f-link');
    if (link) {
      current.setAttribute('tabindex', '-1');
      current = link;
      current.setAttribute('tabindex', '0');
      show(link);
    }
  });
  svg.addEventListener('focusout', hide);
  svg.addEventListener('keydown', (event) => {
    const at = ordered.indexOf(current);
    const pair = Number(current.dataset.pair);
    const nearest = (target: number) => {
      const list = byPair.get(target);
      if (!list) return undefined;
      const y = Number(current.dataset.y);
      return list.reduce((best, link) => (Math.abs(Number(link.dataset.y) - y) < Math.abs(Number(best.dataset.y) - y) ? link : best));
    };
    let next: SVGAElement | undefined;
    if (event.key === 'ArrowDown') next = ordered[at + 1];
    else if (event.key === 'ArrowUp') next = ordered[at - 1];
    else if (event.key === 'ArrowRight') next = nearest(pair + 1);
    else if (event.key === 'ArrowLeft') next = nearest(pair - 1);
    else if (event.key === 'Home') next = ordered[0];
    else if (event.key === 'End') next = ordered[ordered.length - 1];
    else if (event.key === 'Escape') {
      hide();
      return;
    } else return;
    event.preventDefault();
    focus(next);
  });
}

export {};
