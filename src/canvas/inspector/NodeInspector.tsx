// The Inspector for one node: its id, then one control per prop from PROP_DOCS.
// Policy: a field's value is committed when it parses and validation finds nothing wrong with that
// field; otherwise it stays in the field with its message and the document keeps the last good value.
// Problems that involve another field (a dynamic receiver with an address, PLAIN without a username)
// do not block the edit: they are flagged next to the field they concern until fixed.
import { useState } from 'react';
import { DEFAULT_PROPS, PROP_DOCS, type PropDoc } from '../../graph/defaults.ts';
import { propHelp } from '../../graph/propHelp.ts';
import { CONNECTION_PRESETS } from '../../graph/presets.ts';
import { validateProps } from '../../graph/validate.ts';
import { deepEqual } from '../../graph/equal.ts';
import type { CbsProps, GraphNode, NodeKind, Problem, SaslProps } from '../../graph/types.ts';
import { setNodeProps } from '../../store/actions.ts';
import { URL_REQUIRED_MESSAGE } from '../../graph/urlRequired.ts';
import { useNoEmbeddedBroker } from '../../store/embeddedBroker.ts';
import {
  CheckboxField,
  SelectField,
  TextField,
  parseJson,
  parseLines,
  parseOptionalInteger,
  parseOptionalText,
  type Parsed,
} from './fields.tsx';
import { CbsField, SecretField } from './SecretField.tsx';
import { NumberTypesField } from './NumberTypesField.tsx';

type AnyProps = Record<string, unknown>;

/** Props without keys set to undefined, so "unset" is one shape only. */
function withField(props: AnyProps, field: string, value: unknown): AnyProps {
  const next: AnyProps = { ...props };
  if (value === undefined) delete next[field];
  else next[field] = value;
  return next;
}

const problemFor = (problems: readonly Problem[], field: string): string | null =>
  problems.find((p) => p.field === field || p.field?.startsWith(`${field}.`))?.message ?? null;

function PropField({ node, doc, problems }: { node: GraphNode; doc: PropDoc<NodeKind>; problems: readonly Problem[] }) {
  const noBroker = useNoEmbeddedBroker();
  const props = node.props as AnyProps;
  const field = doc.field as string;
  const value = props[field];
  const defaults = DEFAULT_PROPS[node.kind] as AnyProps;
  const fallback = value === undefined ? defaults[field] : value;
  const coalesceKey = `${node.id}.${field}`;

  /** Commits when the field itself is valid; otherwise returns the message and changes nothing. */
  const commit = (next: unknown): string | null => {
    const candidate = withField(props, field, next);
    const own = problemFor(validateProps(node.kind, candidate), field);
    if (own) return own;
    setNodeProps(node.id, candidate as GraphNode['props'], coalesceKey);
    return null;
  };
  const common = { label: doc.label, field, help: propHelp(node.kind, field), problem: problemFor(problems, field) };

  switch (doc.type) {
    case 'string':
      return (
        <TextField
          {...common}
          committed={typeof value === 'string' ? value : ''}
          placeholder={typeof doc.default === 'string' && doc.default === '' && field === 'url' ? (noBroker ? 'ws://… (required here)' : 'embedded broker') : typeof doc.default === 'string' && doc.default !== '' ? doc.default : undefined}
          parse={parseOptionalText}
          commit={commit}
        />
      );
    case 'integer':
      return (
        <TextField
          {...common}
          inputMode="numeric"
          committed={typeof value === 'number' ? String(value) : ''}
          placeholder={doc.default !== undefined ? `default ${String(doc.default)}` : 'default'}
          parse={parseOptionalInteger(doc.label)}
          commit={commit}
        />
      );
    case 'boolean':
      return <CheckboxField {...common} checked={fallback === true} onChange={(checked) => commit(checked)} />;
    case 'enum': {
      const known = doc.options ?? [];
      // a value from a file outside the usual options (a condition of its own namespace) is offered too
      const all = typeof value === 'string' && !known.includes(value) ? [value, ...known] : known;
      const options = all.map((o) => ({ value: o, label: o === doc.default ? `${o} (default)` : o }));
      return <SelectField {...common} value={String(fallback ?? '')} options={options} onChange={(v) => commit(v)} />;
    }
    case 'stringList':
      return (
        <TextField
          {...common}
          multiline
          committed={Array.isArray(value) ? value.join('\n') : ''}
          placeholder={Array.isArray(doc.default) ? `${doc.default.join('\n')}\n(one per line; empty = these defaults)` : undefined}
          parse={parseLines}
          commit={commit}
        />
      );
    case 'scalarMap':
      if (field === 'applicationPropertyTypes' && node.kind === 'transfer') return <NumberTypesField node={node} help={propHelp(node.kind, doc.field as string)} problems={problems} />;
      if (field === 'cbs') return <CbsField label={doc.label} help={propHelp(node.kind, doc.field as string)} value={value as CbsProps | undefined} problem={common.problem} commit={commit} />;
      return (
        <TextField
          {...common}
          multiline
          committed={value === undefined ? '' : JSON.stringify(value, null, 2)}
          placeholder='{ "operation": "put-token" }'
          parse={parseJson(doc.label)}
          commit={commit}
        />
      );
    case 'json':
      return <BodyField node={node} doc={doc} commit={commit} problem={common.problem} />;
    case 'sasl':
      return <SaslField node={node} problems={problems} />;
    default: {
      const never: never = doc.type;
      return never;
    }
  }
}

/** The body: plain text by default; with "JSON" ticked the text is parsed as a JSON value. */
function BodyField({ node, doc, commit, problem }: { node: GraphNode; doc: PropDoc<NodeKind>; commit: (v: unknown) => string | null; problem: string | null }) {
  const value = (node.props as AnyProps)[doc.field as string];
  const [asJson, setAsJson] = useState(value !== undefined && typeof value !== 'string');
  const committed = value === undefined ? '' : typeof value === 'string' && !asJson ? value : JSON.stringify(value, null, 2);
  const parse = asJson ? parseJson(doc.label) : (text: string): Parsed<unknown> => ({ ok: true, value: text });
  return (
    <div className="field__group">
      <TextField key={asJson ? 'json' : 'text'} label={doc.label} field={doc.field as string} help={propHelp(node.kind, doc.field as string)} problem={problem} multiline committed={committed} parse={parse} commit={commit} />
      <label className="field__check">
        <input
          type="checkbox"
          checked={asJson}
          onChange={(e) => {
            const on = e.target.checked;
            setAsJson(on);
            // Keep the same text, read the other way: "42" becomes the number 42, and back.
            if (on && typeof value === 'string') {
              const parsed = parseJson(doc.label)(value);
              if (parsed.ok && parsed.value !== undefined) commit(parsed.value);
            } else if (!on && value !== undefined && typeof value !== 'string') {
              commit(JSON.stringify(value));
            }
          }}
        />
        Body is JSON
      </label>
    </div>
  );
}

/** SASL: mechanism, and username/password for PLAIN; always committed, problems flagged. */
function SaslField({ node, problems }: { node: GraphNode; problems: readonly Problem[] }) {
  const props = node.props as AnyProps;
  const sasl = (props.sasl ?? {}) as SaslProps;
  const mechanism = sasl.mechanism ?? 'ANONYMOUS';
  const update = (patch: Partial<SaslProps>, key: string) => {
    let next: AnyProps = { ...sasl };
    for (const [k, v] of Object.entries(patch)) next = withField(next, k, v);
    setNodeProps(node.id, withField(props, 'sasl', Object.keys(next).length ? next : undefined) as GraphNode['props'], `${node.id}.sasl.${key}`);
    return null;
  };
  const problem = problemFor(problems, 'sasl');
  return (
    <div className="field__group" role="group" aria-label="SASL">
      <SelectField
        label="SASL mechanism"
        field="sasl.mechanism"
        help="ANONYMOUS sends no credentials; PLAIN sends username and password (use wss:// for real brokers)."
        value={mechanism}
        options={[
          { value: 'ANONYMOUS', label: 'ANONYMOUS (default)' },
          { value: 'PLAIN', label: 'PLAIN' },
        ]}
        onChange={(v) => update({ mechanism: v as SaslProps['mechanism'] }, 'mechanism')}
        problem={problem}
      />
      {mechanism === 'PLAIN' && (
        <>
          <TextField label="Username" field="sasl.username" committed={sasl.username ?? ''} parse={parseOptionalText} commit={(v) => update({ username: v }, 'username')} />
          <SecretField label="Password" field="sasl.password" committed={sasl.password ?? ''} commit={(v) => update({ password: v }, 'password')} />
        </>
      )}
    </div>
  );
}

/** Connection presets fill url, subprotocols and SASL in one step. */
function PresetField({ node }: { node: GraphNode<'connection'> }) {
  const noBroker = useNoEmbeddedBroker();
  const { url = '', subprotocols, sasl } = node.props;
  const current = CONNECTION_PRESETS.find(
    (p) => (p.props.url ?? '') === url && deepEqual(p.props.subprotocols, subprotocols ?? p.props.subprotocols) && deepEqual(p.props.sasl ?? { mechanism: 'ANONYMOUS' }, sasl ?? { mechanism: 'ANONYMOUS' }),
  );
  const options = [
    ...(current ? [] : [{ value: '', label: 'Custom' }]),
    ...CONNECTION_PRESETS.map((p) => ({
      value: p.id,
      label: p.id === 'embedded' && noBroker ? `${p.name} (none: this page is statically hosted)` : p.reachableHere ? p.name : `${p.name} (not reachable here)`,
    })),
  ];
  return (
    <SelectField
      label="Preset"
      help={current?.description ?? 'Fills URL, subprotocols and SASL for a known broker.'}
      value={current?.id ?? ''}
      options={options}
      onChange={(id) => {
        const preset = CONNECTION_PRESETS.find((p) => p.id === id);
        if (!preset) return;
        let next: AnyProps = { ...node.props };
        for (const key of ['url', 'subprotocols', 'sasl'] as const) next = withField(next, key, preset.props[key]);
        setNodeProps(node.id, next as GraphNode['props']);
      }}
    />
  );
}

export function NodeInspector({ node }: { node: GraphNode }) {
  const noBroker = useNoEmbeddedBroker();
  const problems = [...validateProps(node.kind, node.props), ...(noBroker && node.kind === 'connection' && !node.props.url ? [{ field: 'url', message: URL_REQUIRED_MESSAGE }] : [])];
  return (
    <>
      <TextField label="Id" help="Node ids are kept as they are in files and events." committed={node.id} readOnly parse={parseOptionalText} commit={() => null} />
      {node.kind === 'connection' && <PresetField node={node} />}
      {PROP_DOCS[node.kind].map((doc) => (
        <PropField key={doc.field as string} node={node} doc={doc as PropDoc<NodeKind>} problems={problems} />
      ))}
    </>
  );
}
export default NodeInspector;
