using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Raytio.Server.Features.Schemas;

/// <summary>
/// Create (41) and update (46): the reference's `name` and `type` beside the draft-07 document,
/// which cannot sit at the top level because JSON Schema has a `type` keyword of its own.
/// </summary>
public sealed record SchemaWriteRequest(string? Name = null, string? Type = null, JsonElement? Schema = null);

/// <summary>A schema as read: full name (`us_passport_note`), type, version and the document with its `$id`.</summary>
public sealed record SchemaAnswer(string Name, string Type, int Version, JsonObject Schema);

/// <summary>Operation 45: `{"valid": true}`, or false with the first problem as `message` and all of them as `errors`.</summary>
public sealed record ValidationAnswer(
    bool Valid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ViolationAnswer>? Errors = null)
{
    public static ValidationAnswer From(SchemaValidationResult result) => result.IsValid
        ? new ValidationAnswer(true)
        : new ValidationAnswer(false, result.Violations[0].ToString(), [.. result.Violations.Select(v => new ViolationAnswer(v.Path, v.Message))]);
}

public sealed record ViolationAnswer(string Path, string Message);
