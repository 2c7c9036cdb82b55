// The badge lab page's script (external: the e2e pages run under script-src 'self').
import init, { renderBadge, configureBadges } from '/pkg/index.js';

await init();
window.renderBadge = renderBadge;
window.configureBadges = configureBadges;
document.documentElement.dataset.ready = '1';
