import init, { attachForm } from '/pkg/index.js';

await init();
window.controller = attachForm(document.getElementById('f'), { today: '2026-11-28' });
document.documentElement.dataset.ready = '1';
