using System.Text.Json;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.CypherQueries;

/// <summary>
/// The body of operation 64: the query as a JSON string (as the reference shows), or
/// `{"query": "...", "params": {...}}` whose params are the values of `$name`.
/// </summary>
public sealed record CypherQueryRequest(string Query, IReadOnlyDictionary<string, JsonElement> Parameters)
{
    public static CypherQueryRequest FromBody(JsonElement body, int maxQueryLength)
    {
        var (query, parameters) = body.ValueKind switch
        {
            JsonValueKind.String => (body.GetString()!, new Dictionary<string, JsonElement>()),
            JsonValueKind.Object => FromObject(body),
            _ => throw ApiException.BadRequest("invalid_body", "The body must be the Cypher query as a JSON string, or an object {\"query\": \"...\", \"params\": {...}}."),
        };
        if (string.IsNullOrWhiteSpace(query))
        {
            throw ApiException.Invalid("query", "'query' is required: a Cypher query such as \"MATCH (n:Group) RETURN n\".");
        }
        if (query.Length > maxQueryLength)
        {
            throw ApiException.Invalid("query", $"The query has {query.Length} characters; at most {maxQueryLength} are allowed.");
        }
        return new CypherQueryRequest(query, parameters);
    }

    private static (string Query, Dictionary<string, JsonElement> Parameters) FromObject(JsonElement body)
    {
        var validation = new Validation();
        string? query = null;
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query" when property.Value.ValueKind == JsonValueKind.String:
                    query = property.Value.GetString();
                    break;
                case "query":
                    validation.Add("query", "'query' must be a string.");
                    break;
                case "params" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var parameter in property.Value.EnumerateObject())
                    {
                        parameters[parameter.Name] = parameter.Value.Clone();
                    }
                    break;
                case "params" when property.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "params":
                    validation.Add("params", "'params' must be an object of parameter names and values.");
                    break;
                default:
                    validation.Add(property.Name, $"Unknown field '{property.Name}': the body takes 'query' and 'params'.");
                    break;
            }
        }
        validation.ThrowIfAny();
        return (query ?? "", parameters);
    }
}
