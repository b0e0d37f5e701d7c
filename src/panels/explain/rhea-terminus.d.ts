// Types for rhea's terminus definitions (source and target), read by the glossary's coverage test.
declare module 'rhea/lib/terminus.js' {
  const terminus: Record<string, unknown>;
  export default terminus;
}
