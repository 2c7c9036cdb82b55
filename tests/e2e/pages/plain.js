import init, { attachForm } from '/pkg/index.js';

await init();
window.attachForm = attachForm;
document.documentElement.dataset.ready = '1';
