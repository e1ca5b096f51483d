// Every element's Docs page: what it is, how to import it, a live example with its exact markup, then its whole
// public API from custom-elements.json, one table per kind, so that no slot, part or event hides an attribute of the
// same name.
import { createElement as h, type ReactNode } from 'react';
import { Controls, DocsPage, Heading, Markdown, Primary, Source, Stories, Title, useOf } from '@storybook/addon-docs/blocks';
import { apiOf, descriptionOf, type Member, type Named } from './manifest.js';

const code = (text: string) => h('code', null, text);
const markdown = (text = '') => h(Markdown, null, text);

function table(api: string, headings: string[], rows: ReactNode[][]) {
  return h(
    'table',
    { 'data-api': api },
    h('thead', null, h('tr', null, ...headings.map((heading) => h('th', { key: heading }, heading)))),
    h('tbody', null, ...rows.map((cells, index) => h('tr', { key: index }, ...cells.map((cell, column) => h('td', { key: column }, cell))))),
  );
}

function section(title: string, api: string, headings: string[], rows: ReactNode[][]) {
  if (rows.length === 0) return null;
  return [h(Heading, { key: 'heading' }, title), h('div', { key: 'table', className: 'api-table' }, table(api, headings, rows))];
}

const signature = (method: Member) =>
  `${method.name}(${(method.parameters ?? []).map((parameter) => `${parameter.name}${parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`).join(', ')}): ${method.return?.type?.text ?? 'void'}`;

const fieldsOf = (fields: Member[]) =>
  fields.map((field) => h('div', { key: field.name }, code(`${field.name}: ${field.parsedType?.text ?? field.type?.text ?? 'unknown'}`)));

const named = (items: Named[], label: (name: string) => ReactNode = code) => items.map((item) => [label(item.name), markdown(item.description)]);

export function importSnippet(tag: string): string {
  return `// npm install newsroom-elements\nimport 'newsroom-elements/${tag}.js';`;
}

export const CDN_SNIPPET =
  '<!-- Every element, with Lit, in one file -->\n<script type="module" src="https://cdn.jsdelivr.net/npm/newsroom-elements@0.1/dist/cdn/newsroom-elements.js"></script>';

/** The Docs page of an element's stories (their `component` is its tag name). */
export function ElementDocs() {
  const meta = useOf('meta', ['meta']);
  const tag = meta.preparedMeta.component;
  // Stories of no element (such as "Where the words live") get Storybook's own page.
  if (typeof tag !== 'string') return h(DocsPage);
  const api = apiOf(tag);
  return h(
    'div',
    { 'data-element-docs': tag },
    h(Title),
    markdown(descriptionOf(tag)),
    h(Heading, null, 'Import'),
    h(Source, { language: 'jsextra', code: importSnippet(tag), dark: true }),
    h(Source, { language: 'html', code: CDN_SNIPPET, dark: true }),
    h(Heading, null, 'Example'),
    h(Primary),
    h(Heading, null, 'Attributes'),
    h('div', { 'data-api': 'attributes' }, h(Controls, { include: api.attributes.map((attribute) => attribute.name) })),
    section('Properties', 'properties', ['Property', 'Type', 'Description'], api.properties.map((property) => [code(property.name), code(property.type?.text ?? ''), markdown(property.description)])),
    section('Methods', 'methods', ['Method', 'Description'], api.methods.map((method) => [code(signature(method)), markdown(method.description)])),
    section('Events', 'events', ['Event', 'Event object', 'Description'], api.events.map((event) => [code(event.name), [code(event.type?.text ?? 'Event'), ...fieldsOf(event.fields)], markdown(event.description)])),
    section('Slots', 'slots', ['Slot', 'Description'], named(api.slots, (name) => (name === '' ? h('em', null, '(default)') : code(name)))),
    section('CSS parts', 'css-parts', ['Part', 'Description'], named(api.cssParts, (name) => code(`::part(${name})`))),
    section('CSS custom properties', 'css-properties', ['Property', 'Description'], named(api.cssProperties)),
    h(Stories, { title: 'Examples', includePrimary: false }),
  );
}
