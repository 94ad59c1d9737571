// SVG to PNG inside the Worker: resvg compiled to wasm, loaded as a module the bundler compiles at
// build time (workerd forbids compiling wasm from bytes at run time), like the tfjs wasm binary.

import { env } from 'cloudflare:workers';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import resvgModule from '@resvg/resvg-wasm/index_bg.wasm';
import { PREVIEW_FONT_FAMILY } from './previewSvg.ts';

/**
 * Regular and bold (resvg would draw bold text in the regular face otherwise), copied from
 * @expo-google-fonts/noto-sans-sc into the static assets by the build (site/astro.config.mjs): read
 * through the ASSETS binding, they weigh nothing on the Worker bundle.
 */
const PREVIEW_FONT_FILES = ['fonts/NotoSansSC-Regular.ttf', 'fonts/NotoSansSC-Bold.ttf'];

let wasmReady: Promise<unknown> | undefined;

async function readFont(path: string): Promise<Uint8Array> {
  const res = await env.ASSETS.fetch(new Request(`https://assets.local/${path}`));
  if (!res.ok) throw new Error(`the preview font ${path} is missing from the static assets (${res.status}); run npm run build`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Renders an SVG to PNG with the preview fonts. Fonts are read per render, not kept: 21 MB stays out of the isolate's memory. */
export async function renderPng(svg: string): Promise<Uint8Array> {
  wasmReady ??= initWasm(resvgModule).catch((e) => {
    wasmReady = undefined;
    throw e;
  });
  const [fontBuffers] = await Promise.all([Promise.all(PREVIEW_FONT_FILES.map(readFont)), wasmReady]);
  const resvg = new Resvg(svg, {
    font: { fontBuffers, defaultFontFamily: PREVIEW_FONT_FAMILY, sansSerifFamily: PREVIEW_FONT_FAMILY },
  });
  try {
    return resvg.render().asPng();
  } finally {
    resvg.free();
  }
}
