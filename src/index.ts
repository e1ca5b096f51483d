// Registers every element and exports everything `classes` does.
import './components/stat-callout/define.js';
import './components/fact-box/define.js';
import './components/social-follow/define.js';

export * from './classes.js';
