using System.Text.Json;
using System.Text.RegularExpressions;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Relationships;

/// <summary>A checked relationship request: two different objects, a type of their own, a properties object.</summary>
public sealed partial record RelationshipInput(Guid From, Guid To, string Type, string PropertiesJson)
{
    public static RelationshipInput Parse(RelationshipRequest request)
    {
        var problems = new Validation();
        var from = ParseId(problems, "from", request.From);
        var to = ParseId(problems, "to", request.To);
        if (from is not null && from == to)
        {
            problems.Add("to", "'to' must be another object than 'from'.");
        }
        if (string.IsNullOrEmpty(request.Type))
        {
            problems.Add("type", "'type' is required.");
        }
        else if (!TypePattern().IsMatch(request.Type))
        {
            problems.Add("type", "'type' must be upper case letters, digits and '_', starting with a letter, at most 100 characters.");
        }
        else if (RelationshipTypes.IsReserved(request.Type))
        {
            problems.Add("type", $"'{request.Type}' is a permission or membership type; relate objects with a type of their own.");
        }
        var properties = request.Properties is { ValueKind: not JsonValueKind.Null } given ? given : default(JsonElement?);
        if (properties is { ValueKind: not JsonValueKind.Object })
        {
            problems.Add("properties", "'properties' must be a JSON object.");
        }
        problems.ThrowIfAny();
        return new RelationshipInput(from!.Value, to!.Value, request.Type!, properties?.GetRawText() ?? "{}");
    }

    private static Guid? ParseId(Validation problems, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            problems.Add(field, $"'{field}' is required.");
            return null;
        }
        if (!Guid.TryParse(text, out var id))
        {
            problems.Add(field, $"'{field}' must be the n_id (a GUID) of a profile object.");
            return null;
        }
        return id;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,99}$")]
    private static partial Regex TypePattern();
}
