/**
 * OKR Plan registers one language, so every document handed to it is a plan: a file named on
 * the command line is read whatever its name (`notes.txt`, `UP.OKR`). Which files of a folder
 * belong to the plan is decided by the workspace manager (and the CLI's walk), not here.
 */
import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

export class OkrServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        try {
            return super.getServices(uri);
        } catch (error) {
            const [only, ...others] = this.all;
            if (only && others.length === 0) return only;
            throw error;
        }
    }
}
