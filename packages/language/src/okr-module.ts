/**
 * The language's dependency-injection module: which Langium services OKR Plan replaces or adds.
 * Each service is one concern in its own file.
 */
import { inject, type DeepPartial, type Module } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices } from 'langium/lsp';
import { OkrGeneratedModule, OkrGeneratedSharedModule } from './generated/module.js';
import { Messages } from './i18n/messages.js';
import { OkrDocumentBuilder } from './workspace/okr-document-builder.js';
import { OkrDocumentUpdateHandler } from './workspace/okr-document-update-handler.js';
import { OkrDocumentValidator } from './validation/okr-document-validator.js';
import { OkrDocumentationProvider } from './lsp/okr-documentation-provider.js';
import { OkrFormatter } from './lsp/okr-formatter.js';
import { OkrScopeComputation } from './references/okr-scope-computation.js';
import { OkrTokenBuilder } from './parser/okr-token-builder.js';
import { OkrWorkspaceManager } from './workspace/okr-workspace-manager.js';
import { OkrServiceRegistry } from './workspace/okr-service-registry.js';
import { OkrCodeActionProvider } from './lsp/okr-code-action-provider.js';
import { OkrCodeLensProvider } from './lsp/okr-code-lens-provider.js';
import { OkrHoverProvider } from './lsp/okr-hover-provider.js';
import { OkrInlayHintProvider } from './lsp/okr-inlay-hint-provider.js';
import { OkrCompletionProvider } from './lsp/okr-completion-provider.js';
import { OkrDefinitionProvider } from './lsp/okr-definition-provider.js';
import { OkrDocumentSymbolProvider } from './lsp/okr-document-symbol-provider.js';
import { OkrFoldingRangeProvider } from './lsp/okr-folding-range-provider.js';
import { OkrFuzzyMatcher } from './lsp/okr-fuzzy-matcher.js';
import { OkrNodeKindProvider } from './lsp/okr-node-kind-provider.js';
import { OkrReferences } from './references/okr-references.js';
import { OkrDocumentHighlightProvider, OkrReferencesProvider } from './lsp/okr-references-provider.js';
import { OkrRenameProvider } from './lsp/okr-rename-provider.js';
import { OkrSemanticTokenProvider } from './lsp/okr-semantic-token-provider.js';
import { OkrWorkspaceSymbolProvider } from './lsp/okr-workspace-symbol-provider.js';
import { OkrValidator, registerValidationChecks } from './validation/okr-validator.js';
import { PlanWorkspace } from './plan/plan-workspace.js';
import { InternalErrors } from './validation/internal-errors.js';

/** Services OKR Plan adds to Langium's. */
export interface OkrAddedServices {
    plan: {
        PlanWorkspace: PlanWorkspace;
    };
    i18n: {
        Messages: Messages;
    };
    validation: {
        OkrValidator: OkrValidator;
        InternalErrors: InternalErrors;
    };
}

export type OkrServices = LangiumServices & OkrAddedServices;

export const OkrModule: Module<OkrServices, PartialLangiumServices & OkrAddedServices> = {
    plan: {
        PlanWorkspace: services => new PlanWorkspace(services)
    },
    i18n: {
        Messages: () => new Messages()
    },
    validation: {
        OkrValidator: services => new OkrValidator(services),
        InternalErrors: services => new InternalErrors(services.shared),
        DocumentValidator: services => new OkrDocumentValidator(services)
    },
    parser: {
        TokenBuilder: () => new OkrTokenBuilder()
    },
    references: {
        ScopeComputation: services => new OkrScopeComputation(services),
        References: services => new OkrReferences(services)
    },
    documentation: {
        DocumentationProvider: () => new OkrDocumentationProvider()
    },
    lsp: {
        Formatter: () => new OkrFormatter(),
        HoverProvider: services => new OkrHoverProvider(services),
        InlayHintProvider: services => new OkrInlayHintProvider(services),
        CodeActionProvider: services => new OkrCodeActionProvider(services),
        CodeLensProvider: services => new OkrCodeLensProvider(services),
        CompletionProvider: services => new OkrCompletionProvider(services),
        DefinitionProvider: services => new OkrDefinitionProvider(services),
        ReferencesProvider: services => new OkrReferencesProvider(services),
        DocumentHighlightProvider: services => new OkrDocumentHighlightProvider(services),
        RenameProvider: services => new OkrRenameProvider(services),
        DocumentSymbolProvider: services => new OkrDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new OkrFoldingRangeProvider(services),
        SemanticTokenProvider: services => new OkrSemanticTokenProvider(services)
    }
};

export const OkrSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    ServiceRegistry: services => new OkrServiceRegistry(services),
    workspace: {
        DocumentBuilder: services => new OkrDocumentBuilder(services),
        WorkspaceManager: services => new OkrWorkspaceManager(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new OkrDocumentUpdateHandler(services),
        FuzzyMatcher: () => new OkrFuzzyMatcher(),
        NodeKindProvider: () => new OkrNodeKindProvider(),
        WorkspaceSymbolProvider: services => new OkrWorkspaceSymbolProvider(services)
    }
};

/** Services a caller replaces on top of OKR Plan's (tests inject failures this way). */
export type OkrServicesOverride = Module<OkrServices, PartialLangiumServices & Partial<OkrAddedServices>>;

/**
 * Creates the shared services and the language services. Without a connection (the CLI, tests)
 * the configuration is marked as initialised so builds do not wait for a client.
 */
export function createOkrServices(context: DefaultSharedModuleContext, override?: OkrServicesOverride): { shared: LangiumSharedServices; Okr: OkrServices } {
    const shared = inject(createDefaultSharedModule(context), OkrGeneratedSharedModule, OkrSharedModule);
    const Okr = override
        ? inject(createDefaultModule({ shared }), OkrGeneratedModule, OkrModule, override)
        : inject(createDefaultModule({ shared }), OkrGeneratedModule, OkrModule);
    shared.ServiceRegistry.register(Okr);
    registerValidationChecks(Okr);
    if (!context.connection) {
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Okr };
}
