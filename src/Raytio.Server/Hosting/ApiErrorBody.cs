using System.Text.Json.Serialization;

namespace Raytio.Server.Hosting;

/// <summary>The error body every endpoint answers with: message, snake_case code, field errors.</summary>
public sealed record ApiErrorBody(
    string Message,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null);
