// The part of an OpenAPI document that some paths need: those paths and, transitively, every schema they reference.
// Shared by extract-spec.mjs (the copy carried in spec/) and prism-spec.mjs (what prism serves).
export function specSubset(spec, keep, tool) {
  const paths = {};
  for (const p of keep) {
    if (!spec.paths[p]) { console.error(`${tool}: ${p} is missing from the spec`); process.exit(1); }
    paths[p] = spec.paths[p];
  }
  const schemas = {};
  const pending = [JSON.stringify(paths)];
  while (pending.length) {
    for (const m of pending.pop().matchAll(/#\/components\/schemas\/([A-Za-z0-9_.-]+)/g)) {
      const name = m[1];
      if (schemas[name]) continue;
      schemas[name] = spec.components.schemas[name];
      pending.push(JSON.stringify(schemas[name]));
    }
  }
  return {
    openapi: spec.openapi, info: spec.info, servers: spec.servers, security: spec.security, paths,
    components: { schemas, securitySchemes: spec.components.securitySchemes },
  };
}
