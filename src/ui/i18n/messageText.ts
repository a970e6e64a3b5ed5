/**
 * A Message (src/domain/languages.ts) written in the language `t` translates into. A value that is itself a
 * Message (a reason inside a sentence) is written first; a `field` of the `messages` catalogue is a plan
 * field's path as the domain writes it (`scars[0].uptake`) and is named by its label in that language.
 */
import type { TFunction } from 'i18next';
import type { Message } from '../../domain/languages';
import type { Namespace } from './catalogue';
import { fieldLabel } from '../../domain/planMerge';
import { fieldLabelKey } from './fieldLabel';

// Keys name their namespace and are made at run time: the catalogue's types cannot follow them.
type Translate = (key: string, options?: Record<string, unknown>) => unknown;

export function messageText(t: TFunction<Namespace>, text: Message): string {
  const translate = t as unknown as Translate;
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) params[name] = typeof value === 'object' ? messageText(t, value) : value;
  if (typeof params.field === 'string' && text.key.startsWith('messages:')) params.field = planFieldLabel(translate, params.field);
  return String(translate(text.key, params));
}

/** `dots.diameterMm` → "Dot size" in the chosen language; the schema's English label where the catalogue has none. */
function planFieldLabel(translate: Translate, dotted: string): string {
  const path = dotted.split(/[.[\]]+/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const names = path.filter((part): part is string => typeof part === 'string');
  const label = translate(`panels:${fieldLabelKey(path)}`, { returnObjects: true, defaultValue: '' });
  return typeof label === 'string' && label ? label : fieldLabel(names);
}
