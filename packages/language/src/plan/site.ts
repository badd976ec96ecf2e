import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';

/** Where a finding sits: a node, optionally narrowed to one of its properties or keywords, or to a range of its document. */
export interface Site {
    node: AstNode;
    property?: string;
    keyword?: string;
    range?: Range;
}
