/**
 * References that know qualified names (spec §3). In `of Construction.Plastering` the whole text
 * is one cross-reference to the stage, but each segment names something of its own:
 * `Construction` the process, `Plastering` the stage. Definition, references, document highlights
 * and rename work per segment:
 *
 * - {@link OkrReferences.findDeclarationsAt} gives the declaration the segment under the cursor
 *   names (go to definition on `Construction` opens the process, on `Plastering` the stage).
 *   `findDeclarations` keeps Langium's meaning (the whole reference's target), so a hover anywhere
 *   on `Construction.Plastering` still describes the stage;
 * - a reference to a stage covers only its `Plastering` segment, so a rename rewrites just that;
 * - the references of a process include the `Construction` prefix of every qualified reference
 *   to one of its stages, besides its `via` references (and likewise an objective and its key
 *   results, should a reference to a key result ever be written).
 */
import {
    AstUtils, CstUtils, DefaultReferences, UriUtils, stream,
    type AstNode, type CstNode, type FindReferencesOptions, type ReferenceDescription, type References, type Stream
} from 'langium';
import { isNamedDeclaration, nameSegments, ownerOf, referenceAt, segmentTargets } from './okr-names.js';

export class OkrReferences extends DefaultReferences {
    /** The declarations the name segment at `sourceCstNode` names (see the class comment). */
    findDeclarationsAt(sourceCstNode: CstNode): AstNode[] {
        const found = referenceAt(sourceCstNode);
        if (found) {
            const segments = nameSegments(found.reference.$refNode);
            const index = segmentIndexAt(segments, sourceCstNode);
            if (segments.length > 1 && index >= 0) {
                const target = found.reference.ref;
                if (target) {
                    const named = segmentTargets(target, segments.length)[index];
                    return named ? [named] : [];
                }
                // An unresolved `Construction.Typo` still names the process in its first segments.
                if (index < segments.length - 1) {
                    return this.declarationsNamed(segments.slice(0, index + 1).map(segment => segment.text).join('.'));
                }
                return [];
            }
        }
        return this.findDeclarations(sourceCstNode);
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const direct = super.findReferences(targetNode, options).toArray().map(ref => this.narrow(ref, 0));
        // The prefixes naming `targetNode` in qualified references to its members, and their members.
        const prefixes: ReferenceDescription[] = [];
        const collect = (owner: AstNode, depth: number) => {
            for (const member of AstUtils.streamContents(owner).filter(isNamedDeclaration)) {
                if (ownerOf(member) !== owner) continue;
                let refs = this.index.findAllReferences(member, this.nodeLocator.getAstNodePath(member));
                if (options.documentUri) refs = refs.filter(ref => UriUtils.equals(ref.sourceUri, options.documentUri!));
                for (const ref of refs) {
                    const narrowed = this.narrow(ref, depth);
                    if (narrowed) prefixes.push(narrowed);
                }
                collect(member, depth + 1);
            }
        };
        collect(targetNode, 1);
        return stream(direct, prefixes).filter((ref): ref is ReferenceDescription => ref !== undefined);
    }

    /**
     * Narrows a reference down to the segment that names its target (`depth` 0) or the target's
     * owner `depth` levels up. A single-segment reference is kept as it is for its own target; a
     * reference with no segment for the owner gives undefined.
     */
    private narrow(ref: ReferenceDescription, depth: number): ReferenceDescription | undefined {
        const isDeclaration = ref.sourcePath === ref.targetPath && UriUtils.equals(ref.sourceUri, ref.targetUri);
        if (isDeclaration) return depth === 0 ? ref : undefined;
        const segments = nameSegments(this.refNodeOf(ref));
        if (segments.length <= 1) return depth === 0 ? ref : undefined;
        const segment = segments[segments.length - 1 - depth];
        return segment ? { ...ref, segment: CstUtils.toDocumentSegment(segment) } : undefined;
    }

    /** The CST of the reference a description points at, found again in its source document. */
    private refNodeOf(ref: ReferenceDescription): CstNode | undefined {
        const document = this.documents.getDocument(ref.sourceUri);
        const root = document?.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, ref.segment.offset);
        if (!leaf) return undefined;
        const found = referenceAt(leaf);
        return found?.reference.$refNode;
    }

    /** Declarations with a given workspace-wide name, from the index. */
    private declarationsNamed(name: string): AstNode[] {
        return this.index.allElements()
            .filter(description => description.name === name)
            .map(description => description.node)
            .filter(isNamedDeclaration)
            .toArray();
    }
}

/** The index of the segment `leaf` is (or is within), or of the segment right before it (the `.` after a name). */
function segmentIndexAt(segments: CstNode[], leaf: CstNode): number {
    for (let index = segments.length - 1; index >= 0; index--) {
        if (segments[index].offset <= leaf.offset) return index;
    }
    return -1;
}

/** Per-segment declarations with {@link OkrReferences}, Langium's whole-reference ones otherwise. */
export function declarationsAt(references: References, sourceCstNode: CstNode): AstNode[] {
    return references instanceof OkrReferences ? references.findDeclarationsAt(sourceCstNode) : references.findDeclarations(sourceCstNode);
}
