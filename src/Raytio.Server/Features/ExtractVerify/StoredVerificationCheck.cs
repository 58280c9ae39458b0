using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.ProfileObjects;
using Raytio.Server.Hosting;
using Raytio.Signing;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Operation 107: for each item {n_id, data_to_verify: [{value}], signature?}, the stored
/// verification (ss_Verification) the caller may view (404 otherwise) is recombined with each
/// entry of `data_to_verify` and the signature (the given one, else the stored one) is checked
/// over it: `[{data, verified}]`, one per entry, in order. An entry may only add what the stored
/// verification lacks (its `value`), never replace what was signed.
/// </summary>
public sealed class StoredVerificationCheck(Signer signer, PermissionService permissions, AuditTrail audit)
{
    public const int MaxItems = 100;
    public const int MaxValuesPerItem = 20;

    private sealed record Item(Guid Key, string? Signature, List<JsonObject> Entries, string Prefix);

    public async Task<JsonArray> VerifyAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        var items = RequestFields.Items(body, MaxItems, allowSingle: true).Select(item => Parse(item.Item, item.Prefix)).ToList();
        var answers = new JsonArray();
        foreach (var item in items)
        {
            var node = await permissions.RequireAsync(caller, item.Key, NodeKind.ProfileObject, Permission.View, cancellationToken);
            if (node.SchemaName != VerificationObject.Schema || JsonNode.Parse(node.PropertiesJson) is not JsonObject { } stored
                || stored["data"] is not JsonObject data || stored["signature"] is not JsonValue storedSignature)
            {
                throw ApiException.Invalid($"{item.Prefix}n_id", $"'{item.Prefix}n_id' is not a verification ({VerificationObject.Schema}).");
            }
            var signature = item.Signature ?? storedSignature.GetValue<string>();
            for (var index = 0; index < item.Entries.Count; index++)
            {
                var recombined = Recombined(data, item.Entries[index], $"{item.Prefix}data_to_verify[{index}]");
                answers.Add(new JsonObject { ["data"] = recombined, ["verified"] = await VerifiesAsync(recombined, signature, item.Prefix, cancellationToken) });
            }
        }
        audit.RecordReads(caller, items.Select(i => i.Key).Distinct());
        return answers;
    }

    private async Task<bool> VerifiesAsync(JsonObject data, string signature, string prefix, CancellationToken cancellationToken)
    {
        try
        {
            return (await signer.VerifyCanonicalAsync(JsonCanonicalizer.Canonicalize(data), signature, cancellationToken)).IsValid;
        }
        catch (SignatureFormatException)
        {
            throw ApiException.Invalid($"{prefix}signature", $"'{prefix}signature' is not valid base64.");
        }
    }

    private static JsonObject Recombined(JsonObject stored, JsonObject entry, string place)
    {
        var data = (JsonObject)stored.DeepClone();
        foreach (var (name, value) in entry)
        {
            if (data.ContainsKey(name))
            {
                throw ApiException.Invalid($"{place}.{name}", $"'{place}.{name}' is part of the stored verification: only what it lacks (its value) can be added.");
            }
            data[name] = value?.DeepClone();
        }
        return data;
    }

    private static Item Parse(JsonElement item, string prefix)
    {
        var key = RequestFields.NodeKey(RequestFields.RequiredString(item, "n_id", $"{prefix}n_id"), $"{prefix}n_id");
        var signatureField = $"{prefix}signature";
        string? signature = RequestFields.Optional(item, "signature") switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            _ => throw ApiException.Invalid(signatureField, $"'{signatureField}' must be the base64 signature of the verification."),
        };
        var entriesField = $"{prefix}data_to_verify";
        if (RequestFields.Optional(item, "data_to_verify") is not { ValueKind: JsonValueKind.Array } list
            || list.GetArrayLength() is 0 or > MaxValuesPerItem)
        {
            throw ApiException.Invalid(entriesField, $"'{entriesField}' must be an array of 1 to {MaxValuesPerItem} objects such as {{\"value\": \"DONALD\"}}.");
        }
        var entries = new List<JsonObject>();
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var place = $"{entriesField}[{index++}]";
            entries.Add(entry.ValueKind == JsonValueKind.Object && entry.EnumerateObject().Any()
                ? JsonObject.Create(entry)!
                : throw ApiException.Invalid(place, $"'{place}' must be an object such as {{\"value\": \"DONALD\"}}."));
        }
        return new Item(key, signature, entries, prefix);
    }
}
