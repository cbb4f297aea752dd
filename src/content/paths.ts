// Where the content lives by default: kept apart from load.ts so a start that finds the content in the
// start-up cache does not load the YAML parser and the schemas just to learn the folder.
import { ROOT } from "../paths.ts";

export const DEFAULT_CONTENT_DIR = `${ROOT}content/`;
