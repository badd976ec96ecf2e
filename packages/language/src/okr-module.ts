/**
 * The language's dependency-injection module: which Langium services OKR Plan replaces or adds.
 * Each service is one concern in its own file.
 */
import { inject, type DeepPartial, type Module } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices } from 'langium/lsp';
import { OkrGeneratedModule, OkrGeneratedSharedModule } from './generated/module.js';
import { Messages } from './i18n/messages.js';
import { OkrDocumentBuilder } from './okr-document-builder.js';
import { OkrDocumentValidator } from './okr-document-validator.js';
import { OkrDocumentationProvider } from './okr-documentation-provider.js';
import { OkrScopeComputation } from './okr-scope-computation.js';
import { OkrValidator, registerValidationChecks } from './okr-validator.js';
import { PlanWorkspace } from './plan/plan-workspace.js';

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
        DocumentValidator: services => new OkrDocumentValidator(services)
    },
    references: {
        ScopeComputation: services => new OkrScopeComputation(services)
    },
    documentation: {
        DocumentationProvider: () => new OkrDocumentationProvider()
    }
};

export const OkrSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    workspace: {
        DocumentBuilder: services => new OkrDocumentBuilder(services)
    }
};

/**
 * Creates the shared services and the language services. Without a connection (the CLI, tests)
 * the configuration is marked as initialised so builds do not wait for a client.
 */
export function createOkrServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Okr: OkrServices } {
    const shared = inject(createDefaultSharedModule(context), OkrGeneratedSharedModule, OkrSharedModule);
    const Okr = inject(createDefaultModule({ shared }), OkrGeneratedModule, OkrModule);
    shared.ServiceRegistry.register(Okr);
    registerValidationChecks(Okr);
    if (!context.connection) {
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Okr };
}
