// Filling in secrets a flow lacks (a file saved without them) as one undo step; autosave then keeps them
// for the browser session only, like any secret.
import { fillSecrets, missingSecrets, secretKey, type MissingSecret } from '../graph/secrets.ts';
import { applyCommand, useDocument } from './documentStore.ts';

export const documentMissingSecrets = (): MissingSecret[] => missingSecrets(useDocument.getState().graph);

/** `values` keyed by "<nodeId>.<field>" (see `secretKey`). */
export function fillDocumentSecrets(values: Readonly<Record<string, string>>): void {
  applyCommand((g) => fillSecrets(g, values), null);
}

export { secretKey };
