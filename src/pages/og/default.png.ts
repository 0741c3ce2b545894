/** The default social card, /og/default.png. */
import type { APIRoute } from 'astro';
import { cardFooter, renderCard } from '../../data/og.ts';
import { siteDescription, siteName } from '../../data/site.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(renderCard({ eyebrow: 'Joint statements, clause by clause', title: siteName, subtitle: siteDescription, footer: cardFooter('/', site) }), {
    headers: { 'content-type': 'image/png' }
  });
