// The elements' public API as custom-elements.json describes it (`npm run manifest`), in the shape the Docs pages show
// it: attributes (each with its property), slots, CSS parts and custom properties, events with their fields, public
// methods and read-only properties. Private, protected and static members never appear.
import type { ArgTypes, InputType } from 'storybook/internal/types';
import manifest from '../custom-elements.json';

interface Type {
  text: string;
}
export interface Attribute {
  name: string;
  fieldName?: string;
  type?: Type;
  parsedType?: Type;
  default?: string;
  description?: string;
}
export interface Member {
  kind: 'field' | 'method';
  name: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  type?: Type;
  parsedType?: Type;
  default?: string;
  description?: string;
  parameters?: { name: string; type?: Type; optional?: boolean; description?: string }[];
  return?: { type?: Type };
}
export interface Named {
  name: string;
  description?: string;
  default?: string;
  type?: Type;
}
export interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  attributes?: Attribute[];
  members?: Member[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  events?: Named[];
}

const declarations = (manifest as unknown as { modules: { declarations?: Declaration[] }[] }).modules.flatMap((module) => module.declarations ?? []);

export const elementOf = (tag: string): Declaration | undefined => declarations.find((declaration) => declaration.tagName === tag);
export const classOf = (name: string | undefined): Declaration | undefined => declarations.find((declaration) => declaration.name === name);

const isPublic = (member: Member) => (member.privacy ?? 'public') === 'public' && !member.static;

/** The public API of an element, section by section. */
export function apiOf(tag: string) {
  const element = elementOf(tag);
  const attributes = element?.attributes ?? [];
  const withAttribute = new Set(attributes.map((attribute) => attribute.fieldName));
  const members = (element?.members ?? []).filter(isPublic);
  return {
    attributes,
    // Read-only or JavaScript-only properties: those without an attribute.
    properties: members.filter((member) => member.kind === 'field' && !withAttribute.has(member.name)),
    methods: members.filter((member) => member.kind === 'method'),
    slots: element?.slots ?? [],
    cssParts: element?.cssParts ?? [],
    cssProperties: element?.cssProperties ?? [],
    events: (element?.events ?? []).map((event) => ({ ...event, fields: (classOf(event.type?.text)?.members ?? []).filter(isPublic) })),
  };
}

/** `'a' | 'b' | undefined` → `['a', 'b']`; anything that is not a union of string literals → undefined. */
export function literalOptions(type: string): string[] | undefined {
  const parts = type.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined');
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : undefined;
}

/** The control that edits an attribute of this type: a select for an enumeration, a toggle, a number or a text field. */
function controlOf(type: string): InputType['control'] {
  const options = literalOptions(type);
  if (options) return { type: 'select' };
  const base = type.replace(/\s*\|\s*undefined/, '').trim();
  if (base === 'boolean') return { type: 'boolean' };
  if (base === 'number') return { type: 'number' };
  return { type: 'text' };
}

/**
 * Storybook's argTypes of an element: its attributes only (by attribute name, as the stories' args are), each with a
 * control that fits its type. Slots, parts, custom properties, events and methods are shown in tables of their own
 * (element-docs.ts), so that a slot never hides the attribute of the same name.
 */
export function argTypesOf(tag: string): ArgTypes {
  return Object.fromEntries(
    apiOf(tag).attributes.map((attribute): [string, InputType] => {
      const type = attribute.parsedType?.text ?? attribute.type?.text ?? 'string';
      const property = attribute.fieldName ? `\n\nProperty: \`${attribute.fieldName}\`` : '';
      return [
        attribute.name,
        {
          name: attribute.name,
          description: `${attribute.description ?? ''}${property}`,
          control: controlOf(type),
          options: literalOptions(type),
          table: {
            category: 'attributes',
            type: { summary: type },
            defaultValue: attribute.default === undefined ? undefined : { summary: attribute.default },
          },
        },
      ];
    }),
  );
}

/** The summary, then the description's paragraphs. */
export function descriptionOf(tag: string): string {
  const element = elementOf(tag);
  return [element?.summary, element?.description].filter(Boolean).join('\n\n');
}
