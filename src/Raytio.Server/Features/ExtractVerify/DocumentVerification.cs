using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.ProfileObjects;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.DocumentRegisters;
using Raytio.Signing;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Operation 106: checks the signed extraction, maps it (<see cref="DocumentMapper"/>, so mapped
/// data passes unchanged), asks the schema's register once about the whole document, and for each
/// field of the schema's `verified_fields` that the document has signs a verification object and
/// stores it, without its value, as a profile object of ss_Verification owned by the caller. A
/// request naming `org_id` (a member's organisation) is metered as `document_verify_sign` before
/// the register is asked, and refunded when the register fails to answer (502).
/// </summary>
public sealed class DocumentVerification(
    Signer signer, DocumentSchemas schemas, DocumentMapper mapper, RegisterDirectory registers, CheckPayer payer,
    ProfileObjectCreator creator, TimeProvider time)
{
    public const string VerifierUnavailable = "verifier_unavailable";

    public async Task<JsonArray> VerifySignAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        var signed = await SignedDocument.ReadVerifiedAsync(body, signer, cancellationToken);
        var schema = await schemas.LoadAsync(signed.SchemaName, caller, "data.schema_name", cancellationToken);
        var register = VerifiedSources.Of(schema) is { } source ? registers.For(source) : null;
        if (register is null)
        {
            throw ApiException.Invalid("data.schema_name", $"No register verifies documents of the schema {schema.Name}: verify_sign takes NZ passports (ss_NZ_Passport_*) and NZ driver licences (ss_NZ_DriverLicence_*).");
        }
        var document = mapper.Map(schema, signed.DocumentData, "data.document_data");
        var fields = schema.VerifiedFields.Where(document.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        if (fields.Count == 0)
        {
            return [];
        }
        var query = Query(register.Source, document);
        var organization = await payer.OrganizationAsync(caller, body, cancellationToken);

        var requestDiv = Guid.NewGuid();
        var answer = await payer.RunAsync(
            organization, MeteredChecks.DocumentVerifySign, requestDiv.ToString(), ct => register.CheckAsync(query, ct),
            (RegisterUnavailableException problem) => new ApiException(StatusCodes.Status502BadGateway, VerifierUnavailable, $"The register could not be asked; nothing was verified or charged. {problem.Message}"),
            cancellationToken);

        var verifiedAt = time.GetUtcNow();
        var stored = new JsonArray();
        var answered = new List<(string Field, JsonObject Data, string Signature)>(fields.Count);
        foreach (var field in fields)
        {
            var data = VerificationObject.Create(register.Source, answer, requestDiv, verifiedAt, field, document[field]!);
            var signature = await signer.SignCanonicalAsync(JsonCanonicalizer.Canonicalize(data), cancellationToken);
            var withoutValue = VerificationObject.WithoutValue(data);
            answered.Add((field, withoutValue, signature));
            stored.Add(new JsonObject
            {
                ["schema"] = VerificationObject.Schema,
                ["properties"] = new JsonObject { ["data"] = withoutValue.DeepClone(), ["signature"] = signature },
            });
        }
        var created = (JsonArray)await creator.CreateAsync(JsonSerializer.SerializeToElement(stored), caller, cancellationToken);

        return [.. answered.Select((item, index) => (JsonNode)new JsonObject
        {
            ["field"] = new JsonArray(item.Field),
            ["verifications"] = new JsonArray(new JsonObject
            {
                ["data"] = item.Data,
                ["signature"] = item.Signature,
                ["n_id"] = created[index]!["n_id"]!.DeepClone(),
            }),
        })];
    }

    /// <summary>The document's values of the fields the register holds; 400 when its document number is missing.</summary>
    private static RegisterQuery Query(string source, JsonObject document)
    {
        var held = RegisterFields.HeldBy(source);
        var values = held
            .Where(field => document[field] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            .ToDictionary(field => field, field => document[field]!.GetValue<string>(), StringComparer.Ordinal);
        return values.ContainsKey(held[0])
            ? new RegisterQuery(source, values)
            : throw ApiException.Invalid($"data.document_data.{held[0]}", $"'data.document_data.{held[0]}' is required: the register finds the document by it.");
    }
}
