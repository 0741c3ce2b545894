/** `/clauses/redirects.json`: every clause alias and the history it now belongs to (src/data/redirects.ts). */
import type { APIRoute } from 'astro';
import { getAnalysis } from '../../data/analysis.ts';
import { redirectMap } from '../../data/redirects.ts';

export const GET: APIRoute = async () => new Response(`${JSON.stringify(redirectMap(await getAnalysis()), null, 1)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
