// Seedlab's embed code, where a page allows scripts: fits each Seedlab card's frame to the height the
// card asks for (card-height.js posts it). A message counts only when it comes from the origin this
// script was loaded from, and only for the frame that sent it (event.source); the height is clamped.
// Loaded once per page however many cards it holds.
(() => {
  const origin = new URL(document.currentScript.src).origin;
  window.seedlabEmbeds ??= new Set();
  const loaded = window.seedlabEmbeds;
  if (loaded.has(origin)) return;
  loaded.add(origin);
  const [MIN_HEIGHT, MAX_HEIGHT] = [200, 900];
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.data?.seedlab !== 'card-height') return;
    const height = Number(event.data.height);
    if (!Number.isFinite(height)) return;
    for (const frame of document.getElementsByTagName('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      frame.style.height = `${Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)))}px`;
    }
  });
  // Cards that loaded before this script told their height to no one: ask them again.
  for (const frame of document.getElementsByTagName('iframe')) {
    if (frame.src.startsWith(`${origin}/`)) frame.contentWindow?.postMessage({ seedlab: 'card-height?' }, origin);
  }
})();
