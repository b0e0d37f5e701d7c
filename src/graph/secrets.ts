// Secrets in a flow: connection passwords and `$cbs` tokens, and transfer values that look like credentials.
// Files, links and recordings leave them out unless asked; autosave keeps them apart (see src/store/secretStore.ts).
import type { Graph, GraphNode, JsonValue, Scalar } from './types.ts';

/** Application property names that usually carry credentials (Azure put-token, API keys …). */
const SECRET_KEY = /(token|secret|password|passwd|pwd|signature|sas|api[-_]?key|access[-_]?key|credential|auth)/i;
/** Values that look like credentials whatever their key: SAS tokens, bearer tokens, URLs with a signature. */
const SECRET_VALUE = /^(SharedAccessSignature\s|Bearer\s|Basic\s)|[?&]sig=|(^|[;&])SharedAccessKey=/i;
/** What a secret-looking transfer body becomes once its secret is left out. */
export const REMOVED_BODY = '(token removed)';

export const looksSecret = (key: string, value: Scalar | undefined): boolean =>
  SECRET_KEY.test(key) || (typeof value === 'string' && SECRET_VALUE.test(value));

/** The secrets of a flow by where they were: "<nodeId>.sasl.password", "<nodeId>.cbs.token", "<nodeId>.body", "<nodeId>.applicationProperties.<key>". */
export type SecretValues = Record<string, JsonValue>;

export interface Stripped {
  graph: Graph;
  /** where a secret was removed, as "<nodeId>.<field>" */
  removed: string[];
  /** the removed values, keyed like `removed` */
  secrets: SecretValues;
}

function stripNode(n: GraphNode, secrets: SecretValues): GraphNode {
  if (n.kind === 'connection') {
    let props = n.props;
    if (props.sasl?.password !== undefined) {
      const { password, ...sasl } = props.sasl;
      secrets[`${n.id}.sasl.password`] = password;
      props = { ...props, sasl };
    }
    if (props.cbs?.token !== undefined) {
      const { token, ...cbs } = props.cbs;
      secrets[`${n.id}.cbs.token`] = token;
      props = { ...props, cbs };
    }
    return props === n.props ? n : { ...n, props };
  }
  if (n.kind === 'transfer') {
    let props = n.props;
    const app = props.applicationProperties;
    if (app && Object.entries(app).some(([k, v]) => looksSecret(k, v))) {
      const kept: Record<string, Scalar> = {};
      for (const [k, v] of Object.entries(app)) {
        if (looksSecret(k, v)) secrets[`${n.id}.applicationProperties.${k}`] = v;
        else kept[k] = v;
      }
      props = { ...props, applicationProperties: kept };
    }
    if (typeof props.body === 'string' && SECRET_VALUE.test(props.body)) {
      secrets[`${n.id}.body`] = props.body;
      props = { ...props, body: REMOVED_BODY };
    }
    return props === n.props ? n : { ...n, props };
  }
  return n;
}

/** The flow without passwords, tokens and secret-looking values; the input is not changed. */
export function stripSecrets(graph: Graph): Stripped {
  const secrets: SecretValues = {};
  const nodes = graph.nodes.map((n) => stripNode(n, secrets));
  const removed = Object.keys(secrets);
  return { graph: removed.length ? { ...graph, nodes } : graph, removed, secrets };
}

export const hasSecrets = (graph: Graph): boolean => stripSecrets(graph).removed.length > 0;

function restoreNode(n: GraphNode, secrets: SecretValues): GraphNode {
  const get = (path: string) => secrets[`${n.id}.${path}`];
  if (n.kind === 'connection') {
    let props = n.props;
    const password = get('sasl.password');
    if (typeof password === 'string' && props.sasl && props.sasl.password === undefined) props = { ...props, sasl: { ...props.sasl, password } };
    const token = get('cbs.token');
    if (typeof token === 'string' && props.cbs && !props.cbs.token) props = { ...props, cbs: { ...props.cbs, token } };
    return props === n.props ? n : { ...n, props };
  }
  if (n.kind === 'transfer') {
    let props = n.props;
    const body = get('body');
    if (body !== undefined && props.body === REMOVED_BODY) props = { ...props, body };
    const prefix = `${n.id}.applicationProperties.`;
    for (const [path, value] of Object.entries(secrets)) {
      if (!path.startsWith(prefix) || (value !== null && typeof value === 'object')) continue;
      const key = path.slice(prefix.length);
      if (props.applicationProperties?.[key] === undefined) props = { ...props, applicationProperties: { ...props.applicationProperties, [key]: value } };
    }
    return props === n.props ? n : { ...n, props };
  }
  return n;
}

/** Puts kept secrets back where the flow lacks them (a value the flow already has wins). */
export function restoreSecrets(graph: Graph, secrets: SecretValues): Graph {
  if (!Object.keys(secrets).length) return graph;
  const nodes = graph.nodes.map((n) => restoreNode(n, secrets));
  return nodes.some((n, i) => n !== graph.nodes[i]) ? { ...graph, nodes } : graph;
}

export type SecretField = 'sasl.password' | 'cbs.token';

export interface MissingSecret {
  nodeId: string;
  field: SecretField;
  /** what to ask for, e.g. 'Password for "alice" on c1' */
  label: string;
}

/** Secrets a flow needs before it can run: SASL PLAIN with a username but no password, a cbs setting without its token. */
export function missingSecrets(graph: Graph): MissingSecret[] {
  const missing: MissingSecret[] = [];
  for (const n of graph.nodes) {
    if (n.kind !== 'connection') continue;
    const { sasl, cbs } = n.props;
    if (sasl?.mechanism === 'PLAIN' && sasl.username && sasl.password === undefined) {
      missing.push({ nodeId: n.id, field: 'sasl.password', label: `SASL password for "${sasl.username}" on ${n.id}` });
    }
    if (cbs && !cbs.token) missing.push({ nodeId: n.id, field: 'cbs.token', label: `$cbs token on ${n.id}` });
  }
  return missing;
}

export const secretKey = (m: Pick<MissingSecret, 'nodeId' | 'field'>): string => `${m.nodeId}.${m.field}`;

/** The flow with these secrets filled in (keys as in `SecretValues`). */
export function fillSecrets(graph: Graph, values: Readonly<Record<string, string>>): Graph {
  return restoreSecrets(graph, values);
}

/** The environment variable an exported program reads a secret from: AMQPFLOW_C1_PASSWORD, AMQPFLOW_C1_CBS_TOKEN. */
export function secretEnvName(nodeId: string, field: SecretField): string {
  const id = nodeId.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return `AMQPFLOW_${id}_${field === 'sasl.password' ? 'PASSWORD' : 'CBS_TOKEN'}`;
}

/** Every secret string in a flow, longest first, to scrub from text that was made from it (a recording's frames). */
export function secretStrings(graph: Graph): string[] {
  const values = Object.values(stripSecrets(graph).secrets).filter((v): v is string => typeof v === 'string' && v.length >= 4);
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}
