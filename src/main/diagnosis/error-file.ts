// `diagnose --error-file F`: the error text from a file, through the one reader of pasted-text
// files (common/cli-input.ts): refused (usage error, exit 2) when it is missing, not a file, too
// big or binary. The text is only read, never written anywhere.
import { readTextFile } from '../common/cli-input';

export const readErrorFile = (path: string): Promise<string> => readTextFile(path, 'the error file');
