using System.Text.Json;
using Raytio.Server.Hosting;
using Raytio.Signing;

namespace Raytio.Server.Features.Verification;

/// <summary>
/// Operation 105: checks each {data, signature} pair against every kept signing key and answers
/// the pairs as given with `verified`. Any malformed item answers 400 naming it, before a byte
/// of the answer is written.
/// </summary>
public sealed class SignatureVerification(Signer signer)
{
    public const int MaximumItems = 1000;

    public async Task WriteResultsAsync(JsonElement body, Stream output, CancellationToken cancellationToken)
    {
        var results = await VerifyAllAsync(body, cancellationToken);
        await using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        foreach (var (data, signature, verified) in results)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data"u8);
            data.WriteTo(writer);
            writer.WriteString("signature"u8, signature);
            writer.WriteBoolean("verified"u8, verified);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private async Task<List<(JsonElement Data, string Signature, bool Verified)>> VerifyAllAsync(JsonElement body, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw ApiException.BadRequest("validation_failed", "The body must be an array of {\"data\": {...}, \"signature\": \"...\"} objects.");
        }
        if (body.GetArrayLength() > MaximumItems)
        {
            throw ApiException.BadRequest("validation_failed", $"At most {MaximumItems} items can be verified in one request.");
        }

        var validation = new Validation();
        var results = new List<(JsonElement, string, bool)>();
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            var name = $"[{index++}]";
            if (ReadItem(item, name, validation) is not { } pair)
            {
                continue;
            }
            try
            {
                var canonical = JsonCanonicalizer.Canonicalize(pair.Data);
                var check = await signer.VerifyCanonicalAsync(canonical, pair.Signature, cancellationToken);
                results.Add((pair.Data, pair.Signature, check.IsValid));
            }
            catch (CanonicalizationException problem)
            {
                validation.Add($"{name}.data", $"'{name}.data' has no canonical JSON form: {problem.Message}");
            }
            catch (SignatureFormatException)
            {
                validation.Add($"{name}.signature", $"'{name}.signature' is not valid base64.");
            }
        }
        validation.ThrowIfAny();
        return results;
    }

    private static (JsonElement Data, string Signature)? ReadItem(JsonElement item, string name, Validation validation)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            validation.Add(name, $"Item {name} must be an object with 'data' and 'signature'.");
            return null;
        }
        var hasData = item.TryGetProperty("data", out var data);
        if (!hasData || data.ValueKind != JsonValueKind.Object)
        {
            validation.Add($"{name}.data", hasData ? $"'{name}.data' must be an object." : $"'{name}.data' is required.");
        }
        var hasSignature = item.TryGetProperty("signature", out var signature) && signature.ValueKind == JsonValueKind.String;
        if (!hasSignature)
        {
            validation.Add($"{name}.signature", $"'{name}.signature' is required and must be a base64 string.");
        }
        return hasSignature && data.ValueKind == JsonValueKind.Object ? (data, signature.GetString()!) : null;
    }
}
