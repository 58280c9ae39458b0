using System.Globalization;
using System.Text.Json.Nodes;
using Raytio.Server.Providers.DocumentRegisters;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// One field's verification, as the reference shows it: {verifier, verifier_div, request_div,
/// metadata, verification_date, passed, field, source, v_id, value}. It is signed with `value`;
/// what is stored and answered leaves `value` out, so only someone who holds the value can show
/// that the signature covers it (operation 107).
/// </summary>
public static class VerificationObject
{
    /// <summary>The schema verification objects are stored under.</summary>
    public const string Schema = "ss_Verification";

    public const string Value = "value";

    public static JsonObject Create(string source, RegisterAnswer answer, Guid requestDiv, DateTimeOffset verifiedAt, string field, JsonNode value)
    {
        var metadata = new JsonObject { ["record_status"] = answer.Status.Wire() };
        if (answer.Consistent.TryGetValue(field, out var consistent))
        {
            metadata["consistent"] = consistent;
        }
        foreach (var (name, detail) in answer.Details)
        {
            metadata[name] = detail;
        }
        return new JsonObject
        {
            ["verifier"] = answer.Verifier,
            ["verifier_div"] = answer.Reference,
            ["request_div"] = requestDiv.ToString(),
            ["metadata"] = metadata,
            ["verification_date"] = verifiedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["passed"] = answer.Confirms(field),
            ["field"] = field,
            ["source"] = source,
            ["v_id"] = Guid.NewGuid().ToString(),
            [Value] = value.DeepClone(),
        };
    }

    /// <summary>A copy without the verified value.</summary>
    public static JsonObject WithoutValue(JsonObject data)
    {
        var copy = (JsonObject)data.DeepClone();
        copy.Remove(Value);
        return copy;
    }
}
