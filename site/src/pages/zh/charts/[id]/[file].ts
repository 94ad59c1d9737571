import type { APIRoute } from 'astro';
import { chartImageResponse } from '../../../../share/studyImages.ts';

export const GET: APIRoute = ({ params }) => chartImageResponse(params.id, params.file, 'zh');
