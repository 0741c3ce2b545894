/** The default social card, /og/default.png. */
import type { APIRoute } from 'astro';
import { cardFooter, renderCard } from '../../data/og.ts';
import { getSiteWording, siteName } from '../../data/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const wording = await getSiteWording();
  return new Response(renderCard({ eyebrow: wording.eyebrow, title: siteName, subtitle: wording.description, footer: cardFooter('/', site) }), {
    headers: { 'content-type': 'image/png' }
  });
};
