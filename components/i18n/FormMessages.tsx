'use client';
/**
 * Translated strings for the client forms (the contribution form, the private-link page, the
 * report forms of a question page),
 * without next-intl's client runtime: use-intl and intl-messageformat are ~12 KB of gzip'd
 * JavaScript on the form page, for messages that only ever fill in `{name}` arguments and wrap
 * one link in `<tag>…</tag>`. tests/unit/messages.test.ts keeps those namespaces so (a plural, a
 * select, a formatted number or an ICU quote there fails it); the server renders the same
 * messages with next-intl. Pages put what their forms need in <FormMessages>.
 */
import { Fragment, createContext, useContext, type ReactNode } from 'react';

type Tree = { [key: string]: string | Tree };
type Values = Record<string, string | number>;

const Messages = createContext<Tree>({});

export function FormMessages({ messages, children }: { messages: Tree; children: ReactNode }) {
  return <Messages.Provider value={messages}>{children}</Messages.Provider>;
}

/** `message` with each `{name}` replaced by its value (unknown names stay as they are). */
export function fill(message: string, values: Values = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const TAG = /<(\w+)>([\s\S]*?)<\/\1>/g;

/** `t(key, values)` and `t.rich(key, tags, values)` over one namespace, as next-intl's. */
export function useFormMessages(namespace: string) {
  const tree = useContext(Messages);
  const message = (key: string): string => {
    let node: string | Tree | undefined = tree[namespace];
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : `${namespace}.${key}`;
  };
  const t = (key: string, values?: Values) => fill(message(key), values);
  t.rich = (key: string, tags: Record<string, (chunks: string) => ReactNode>, values?: Values): ReactNode[] => {
    const text = t(key, values);
    const out: ReactNode[] = [];
    let at = 0;
    for (const m of text.matchAll(TAG)) {
      out.push(text.slice(at, m.index));
      const render = tags[m[1]];
      out.push(<Fragment key={m.index}>{render ? render(m[2]) : m[2]}</Fragment>);
      at = m.index + m[0].length;
    }
    out.push(text.slice(at));
    return out;
  };
  return t;
}
