using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Raytio.Testing;

namespace Raytio.Server.Tests.Xero;

/// <summary>
/// The Xero accounting contract's `ReportWithRows` schema (tests/interop/xero) as a JSON Schema:
/// its components become `$defs`, and every object is closed (additionalProperties: false), so
/// an answer passes only when each property it has is one the contract declares, with the
/// declared type (RowType one of Header, Section, Row, SummaryRow; cell values strings).
/// </summary>
internal static class XeroContractSchema
{
    public const string Contract = "xero/xero_accounting.reports_organisation.json";

    private static readonly Lazy<JsonSchema> ReportWithRows = new(() => Build("ReportWithRows"));

    /// <summary>Null when valid, else the evaluation's failures.</summary>
    public static string? Violations(JsonElement answer)
    {
        var result = ReportWithRows.Value.Evaluate(answer, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid ? null : JsonSerializer.Serialize(result);
    }

    private static JsonSchema Build(string root)
    {
        var contract = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Interop, Contract)))!;
        var schemas = contract["components"]!["schemas"]!.DeepClone().AsObject();
        Close(schemas);
        var text = schemas.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = JsonNode.Parse(text),
            ["$ref"] = $"#/$defs/{root}",
        };
        return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static void Close(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["properties"] is JsonObject && schema["additionalProperties"] is null)
                {
                    schema["additionalProperties"] = false;
                }
                foreach (var (_, child) in schema.ToList())
                {
                    Close(child);
                }
                break;
            case JsonArray items:
                foreach (var child in items)
                {
                    Close(child);
                }
                break;
        }
    }
}
