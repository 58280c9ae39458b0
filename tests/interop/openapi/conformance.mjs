// @ts-check
// An openapi-fetch middleware that holds every answer to the document: the status must be
// declared for the operation, the media type declared for that status, and a JSON body must fit
// the declared schema (the subset of JSON Schema the server's document uses), with no properties
// the schema does not list.

/** @typedef {{ paths: Record<string, Record<string, any>>, components?: { schemas?: Record<string, any> } }} OpenApiDocument */

/**
 * @param {OpenApiDocument} document
 * @returns {import('openapi-fetch').Middleware}
 */
export function conformsTo(document) {
  return {
    async onResponse({ request, response, schemaPath }) {
      const where = `${request.method} ${schemaPath} answered ${response.status}`;
      const declared = document.paths[schemaPath]?.[request.method.toLowerCase()]?.responses?.[String(response.status)];
      if (!declared) {
        throw new Error(`${where}, a status the document does not declare`);
      }
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
      const content = declared.content?.[mediaType];
      if (!content) {
        throw new Error(`${where} with ${mediaType}, which the document does not declare`);
      }
      if (mediaType.endsWith('json')) {
        const problems = mismatches(await response.clone().json(), content.schema, document, '$');
        if (problems.length > 0) {
          throw new Error(`${where} with a body that does not fit the document: ${problems.join('; ')}`);
        }
      }
    },
  };
}

/**
 * @param {unknown} value
 * @param {any} schema
 * @param {OpenApiDocument} document
 * @param {string} where
 * @returns {string[]}
 */
function mismatches(value, schema, document, where) {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return mismatches(value, document.components?.schemas?.[name], document, where);
  }
  /** @type {string[]} */
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 0 && !types.some((type) => isOfType(value, type))) {
    return [`${where} is ${JSON.stringify(value)}, not ${types.join(' or ')}`];
  }
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${where} is ${JSON.stringify(value)}, not one of ${JSON.stringify(schema.enum)}`];
  }
  if (Array.isArray(value)) {
    return schema.items ? value.flatMap((item, index) => mismatches(item, schema.items, document, `${where}[${index}]`)) : [];
  }
  if (value === null || typeof value !== 'object' || (!schema.properties && !schema.additionalProperties)) {
    return [];
  }
  const object = /** @type {Record<string, unknown>} */ (value);
  const missing = (schema.required ?? []).filter((/** @type {string} */ name) => !(name in object)).map((/** @type {string} */ name) => `${where}.${name} is missing`);
  return missing.concat(Object.entries(object).flatMap(([name, property]) => {
    const propertySchema = schema.properties?.[name] ?? schema.additionalProperties;
    return propertySchema ? mismatches(property, propertySchema, document, `${where}.${name}`) : [`${where}.${name} is not in the document`];
  }));
}

/**
 * @param {unknown} value
 * @param {string} type
 */
function isOfType(value, type) {
  switch (type) {
    case 'null': return value === null;
    case 'integer': return Number.isInteger(value);
    case 'array': return Array.isArray(value);
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    default: return typeof value === type;
  }
}
