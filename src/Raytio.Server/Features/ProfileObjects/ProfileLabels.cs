using System.Text.Json;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>
/// The labels of a profile object: those of the request (a string or an array of strings), each
/// trimmed, 1 to 200 characters, no duplicates, followed by the schema's full name.
/// </summary>
internal static class ProfileLabels
{
    public const int MaxCount = 50;

    public static List<string> Parse(JsonElement? value, string field)
    {
        if (value is not { } given)
        {
            return [];
        }
        var texts = given.ValueKind switch
        {
            JsonValueKind.String => [given],
            JsonValueKind.Array => given.EnumerateArray().ToList(),
            _ => throw ApiException.Invalid(field, $"'{field}' must be a string or an array of strings."),
        };
        if (texts.Count > MaxCount)
        {
            throw ApiException.Invalid(field, $"'{field}' may hold at most {MaxCount} labels.");
        }
        var labels = new List<string>(texts.Count);
        foreach (var text in texts)
        {
            var label = text.ValueKind == JsonValueKind.String ? text.GetString()!.Trim() : null;
            if (!IsValid(label))
            {
                throw ApiException.Invalid(field, $"'{field}' must hold strings of 1 to {GraphLabelConfiguration.MaxLabelLength} characters, none of them control characters.");
            }
            if (labels.Contains(label, StringComparer.Ordinal))
            {
                throw ApiException.Invalid(field, $"'{field}' names '{label}' twice.");
            }
            labels.Add(label);
        }
        return labels;
    }

    /// <summary>A trimmed label of 1 to 200 characters without control characters (PostgreSQL text cannot hold NUL).</summary>
    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? label) =>
        label is { Length: > 0 and <= GraphLabelConfiguration.MaxLabelLength } && !label.Any(char.IsControl);

    /// <summary>The request's labels, then the schema's name unless the request already gave it.</summary>
    public static List<string> WithSchema(List<string> labels, string? schemaName) =>
        schemaName is null || labels.Contains(schemaName, StringComparer.Ordinal) ? labels : [.. labels, schemaName];

    public static string ToJson(IReadOnlyList<string> labels) => JsonSerializer.Serialize(labels);

    public static IEnumerable<GraphLabel> Rows(long nodeId, IEnumerable<string> labels) =>
        labels.Select(label => new GraphLabel { NodeId = nodeId, Label = label });
}
