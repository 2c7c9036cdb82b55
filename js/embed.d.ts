// Types of 'jobseal/embed': a side-effect module (one script tag checks every <form data-jobseal>). It
// exports nothing; each such form gets its controller at form.jobseal (FormController, from
// 'jobseal/form') and fires jobseal:ready / jobseal:error.
import './form.js';

export {};
