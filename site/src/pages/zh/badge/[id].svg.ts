import type { APIRoute } from 'astro';
import { badgeResponse } from '../../../share/studyImages.ts';

export const GET: APIRoute = ({ params }) => badgeResponse(params.id, 'zh');
