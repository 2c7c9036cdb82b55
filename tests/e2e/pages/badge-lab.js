// The badge lab page's script (external: the e2e pages run under script-src 'self').
import init, { renderBadge } from '/pkg/index.js';

await init();
window.renderBadge = renderBadge;
document.documentElement.dataset.ready = '1';
