import type { AstNode } from 'langium';

/** Where a finding sits: a node, optionally narrowed to one of its properties or keywords. */
export interface Site {
    node: AstNode;
    property?: string;
    keyword?: string;
}
