using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Hosting;
using Raytio.Signing;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// The reference's signed extraction, `{data: {schema_name, document_data}, signature}`, as
/// operations 102 and 104 answer it and 104 and 106 take it: the data is trusted only when the
/// signature is this server's over its canonical form.
/// </summary>
public sealed record SignedDocument(JsonElement? SchemaName, JsonObject DocumentData)
{
    public const string SignatureInvalid = "signature_invalid";

    /// <summary>Reads the body and checks its signature; 400 naming the field for a malformed body or a signature that does not verify.</summary>
    public static async Task<SignedDocument> ReadVerifiedAsync(JsonElement body, Signer signer, CancellationToken cancellationToken)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.BadRequest("validation_failed", "The body must be a JSON object {\"data\": {\"schema_name\", \"document_data\"}, \"signature\"}.");
        }
        var validation = new Validation();
        var hasData = body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
        if (!hasData)
        {
            validation.Add("data", "'data' is required and must be an object {schema_name, document_data}.");
        }
        else if (!data.TryGetProperty("document_data", out var documentData) || documentData.ValueKind != JsonValueKind.Object)
        {
            validation.Add("data.document_data", "'data.document_data' is required and must be an object.");
        }
        if (!body.TryGetProperty("signature", out var signature) || signature.ValueKind != JsonValueKind.String)
        {
            validation.Add("signature", "'signature' is required and must be the base64 signature answered with the data.");
        }
        validation.ThrowIfAny();

        SignatureCheck check;
        try
        {
            check = await signer.VerifyAsync(data, signature.GetString()!, cancellationToken);
        }
        catch (SignatureFormatException)
        {
            throw ApiException.Invalid("signature", "'signature' is not valid base64.");
        }
        catch (CanonicalizationException problem)
        {
            throw ApiException.Invalid("data", $"'data' has no canonical JSON form: {problem.Message}");
        }
        if (!check.IsValid)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, SignatureInvalid,
                "The signature does not verify the data: the data changed after this server signed it, or this server did not sign it.",
                new Dictionary<string, string[]> { ["signature"] = ["'signature' does not verify 'data'."] });
        }
        return new SignedDocument(
            data.TryGetProperty("schema_name", out var schemaName) ? schemaName : null,
            JsonObject.Create(data.GetProperty("document_data"))!);
    }
}
