// The part of an OpenAPI document that some paths need: those paths and, transitively, every schema and shared
// response ("#/components/responses/...", such as the Responses API's TooManyRequests) they reference.
// Shared by extract-spec.mjs (the copy carried in spec/) and prism-spec.mjs (what prism serves).
export function specSubset(spec, keep, tool) {
  const paths = {};
  for (const p of keep) {
    if (!spec.paths[p]) { console.error(`${tool}: ${p} is missing from the spec`); process.exit(1); }
    paths[p] = spec.paths[p];
  }
  const schemas = {};
  const responses = {};
  const pending = [JSON.stringify(paths)];
  while (pending.length) {
    for (const m of pending.pop().matchAll(/#\/components\/(schemas|responses)\/([A-Za-z0-9_.-]+)/g)) {
      const [, kind, name] = m;
      const into = kind === 'schemas' ? schemas : responses;
      if (into[name]) continue;
      into[name] = spec.components[kind][name];
      pending.push(JSON.stringify(into[name]));
    }
  }
  const components = { schemas };
  if (Object.keys(responses).length) components.responses = responses;
  components.securitySchemes = spec.components.securitySchemes;
  return { openapi: spec.openapi, info: spec.info, servers: spec.servers, security: spec.security, paths, components };
}
