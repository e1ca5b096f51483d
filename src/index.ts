// Registers every element and exports everything `classes` does.
import './components/stat-callout/define.js';
import './components/fact-box/define.js';
import './components/social-follow/define.js';
import './components/pull-quote/define.js';
import './components/speaker-caption/define.js';
import './components/comment-section/define.js';
import './components/comment-toggle/define.js';
import './components/comment-list/define.js';
import './components/comment-form/define.js';

export * from './classes.js';
