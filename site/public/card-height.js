// An embed card tells the page that frames it how tall it wants to be at its width: its words whole
// and its chart at the chart's own aspect. The embed code's script (embed.js) sets the frame to it;
// without that script (a blog that strips scripts) the message goes nowhere and the card fits the
// frame it has. The height is no secret, so any parent may read it.
const card = document.querySelector('.card');
const chart = document.querySelector('#chart-main svg[role="img"]');
/** Where a chart with room draws it: never taller than this, so a wide frame does not make a tall card. */
const MAX_CHART_HEIGHT = 420;

function wantedHeight() {
  const cut = card.scrollHeight - card.clientHeight;
  if (!chart) return window.innerHeight + cut;
  const box = chart.viewBox.baseVal;
  const width = document.querySelector('#chart-main').getBoundingClientRect().width;
  const wanted = Math.min(MAX_CHART_HEIGHT, (width * box.height) / box.width);
  const now = chart.getClientRects().length ? chart.getBoundingClientRect().height : 0;
  return window.innerHeight + cut + wanted - now;
}

let sent = 0;
function tell() {
  const height = Math.ceil(wantedHeight());
  if (Math.abs(height - sent) < 2) return;
  sent = height;
  window.parent.postMessage({ seedlab: 'card-height', height }, '*');
}
if (card && window.parent !== window) {
  // Told on load (a task: a browser runs it even for a frame below the fold, whose rendering, and so
  // its resize observations, it may hold back), again whenever the card's size changes, and when
  // the page's script asks (it may load after the card first told its height).
  window.addEventListener('load', tell);
  new ResizeObserver(tell).observe(document.documentElement);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.data?.seedlab !== 'card-height?') return;
    sent = 0;
    tell();
  });
}
