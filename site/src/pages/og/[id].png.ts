import type { APIRoute } from 'astro';
import { previewResponse } from '../../share/studyImages.ts';

export const GET: APIRoute = ({ params }) => previewResponse(params.id, 'en');
