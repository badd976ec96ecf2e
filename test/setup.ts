// Tests import Langium; on Node 20 it needs Object.groupBy first (see packages/language/groupby-shim.mjs).
import '../packages/language/groupby-shim.mjs';
