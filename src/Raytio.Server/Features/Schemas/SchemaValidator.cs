using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Schemas;

/// <summary>One way a document fails its schema: where (a JSON pointer into the document) and why.</summary>
public sealed record SchemaViolation(string Path, string Message)
{
    /// <summary>The message with its place, e.g. `/age: Value is "string" but should be "number"`.</summary>
    public override string ToString() => $"{(Path.Length == 0 ? "(root)" : Path)}: {Message}";
}

public sealed record SchemaValidationResult(IReadOnlyList<SchemaViolation> Violations)
{
    public bool IsValid => Violations.Count == 0;
}

/// <summary>
/// Draft-07 validation with JsonSchema.Net, formats asserted. Works on a self-contained
/// (expanded) document, so it needs no database: profile objects are validated the same way.
/// </summary>
public sealed class SchemaValidator
{
    /// <summary>`$schema` draft-07 (every stored document says so) picks the dialect by its URI: ours answers to it.</summary>
    private static readonly DialectRegistry Dialects = CreateDialects();

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true, FormatRegistry = PatientFormats.Create() };

    /// <summary>Builds the validator of a document; a document the library cannot build is a 400 naming why.</summary>
    public JsonSchema Compile(JsonObject document)
    {
        var element = JsonSerializer.SerializeToElement(document);
        try
        {
            // A registry per build: built schemas register their $id, and the global one would keep them all.
            return JsonSchema.Build(element, new BuildOptions { Dialect = CodePointLengthKeyword.Draft07, DialectRegistry = Dialects, SchemaRegistry = new Json.Schema.SchemaRegistry() });
        }
        catch (JsonSchemaException problem)
        {
            throw ApiException.Invalid(SchemaDocument.Field, $"'{SchemaDocument.Field}' cannot be used: {problem.Message}");
        }
    }

    private static DialectRegistry CreateDialects()
    {
        var dialects = new DialectRegistry();
        dialects.Register(CodePointLengthKeyword.Draft07);
        return dialects;
    }

    public SchemaValidationResult Validate(JsonSchema schema, JsonElement document)
    {
        var results = schema.Evaluate(document, Evaluation);
        if (results.IsValid)
        {
            return new SchemaValidationResult([]);
        }
        var violations = Failures(results)
            .SelectMany(failure => failure.Errors is { Count: > 0 } errors
                ? errors.Select(error => new SchemaViolation(failure.InstanceLocation.ToString(), error.Value))
                : [new SchemaViolation(failure.InstanceLocation.ToString(), $"Value does not match the schema at '{failure.EvaluationPath}'")])
            .Distinct()
            .ToList();
        return new SchemaValidationResult(violations);
    }

    /// <summary>
    /// The failed evaluations that made the result fail: those with error messages, and failed
    /// ones none of whose parts failed (some keywords, e.g. `contains`, give no message). A failed
    /// branch of an anyOf that passed through another branch is not one: hierarchical output keeps
    /// it under the passing anyOf.
    /// </summary>
    internal static IEnumerable<EvaluationResults> Failures(EvaluationResults node)
    {
        if (node.IsValid)
        {
            yield break;
        }
        var failedParts = (node.Details ?? []).Where(d => !d.IsValid).ToList();
        if (node.Errors is { Count: > 0 } || failedParts.Count == 0)
        {
            yield return node;
        }
        foreach (var failure in failedParts.SelectMany(Failures))
        {
            yield return failure;
        }
    }
}
