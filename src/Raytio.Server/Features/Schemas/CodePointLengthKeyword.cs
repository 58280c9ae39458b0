using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// `minLength` / `maxLength` counting Unicode code points, as draft-07 defines a string's length
/// (RFC 8259 characters). JsonSchema.Net 8.0.5 counts text elements, so "e" + U+0301 would be one
/// character there and two in the specification (and in ajv).
/// </summary>
internal sealed class CodePointLengthKeyword(string name, bool isMaximum) : IKeywordHandler
{
    /// <summary>Draft-07 with these two keywords, under draft-07's own id (documents name it in `$schema`).</summary>
    public static readonly Dialect Draft07 = Dialect.Draft07
        .Without([MinLengthKeyword.Instance, MaxLengthKeyword.Instance], Dialect.Draft07.Id)
        .With([new CodePointLengthKeyword("minLength", isMaximum: false), new CodePointLengthKeyword("maxLength", isMaximum: true)], Dialect.Draft07.Id);

    public string Name => name;

    public object ValidateKeywordValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var limit) && limit >= 0 && limit == decimal.Truncate(limit)
            ? limit
            : throw new JsonSchemaException($"'{name}' must be a non-negative integer, not {value.GetRawText()}.");

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (context.Instance.ValueKind != JsonValueKind.String)
        {
            return new KeywordEvaluation { Keyword = name, IsValid = true };
        }
        var limit = (decimal)keyword.Value!;
        var length = CodePoints(context.Instance.GetString()!);
        var valid = isMaximum ? length <= limit : length >= limit;
        return new KeywordEvaluation
        {
            Keyword = name,
            IsValid = valid,
            Error = valid ? null : $"Value should have at {(isMaximum ? "most" : "least")} {limit} characters but has {length}",
        };
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }
        return count;
    }
}
