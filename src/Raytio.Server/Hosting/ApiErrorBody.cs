using System.Text.Json.Serialization;

namespace Raytio.Server.Hosting;

/// <summary>The error body every endpoint answers with: message, snake_case code, field errors, and Twilio's code where one applies.</summary>
public sealed record ApiErrorBody(
    string Message,
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TwilioCode = null);
