import { Fragment, type ReactNode } from 'react';
import { fillInParts } from '../../lib/config/dictionaries';

export interface FilledInProps {
  /** A dictionary string with `{name}` placeholders. */
  text: string;
  /** What each placeholder shows: text, or markup such as a link. */
  values: Record<string, ReactNode>;
}

/** A dictionary string with markup in its placeholders ("By {names}" with links), in the string's own word order. */
export function FilledIn({ text, values }: FilledInProps) {
  return fillInParts(text, values).map((part, position) => <Fragment key={position}>{part}</Fragment>);
}
