using System.Text.Json.Nodes;
using Raytio.Signing;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>
/// Signs document data in the reference's shape: `{data: {schema_name: [name], document_data}, signature}`;
/// operation 102 adds `data.mrz`, what the document's machine-readable zone confirmed and corrected.
/// </summary>
public sealed class DocumentSigning(Signer signer)
{
    public async Task<JsonObject> SignAsync(DocumentSchema schema, JsonObject documentData, CancellationToken cancellationToken, JsonObject? mrz = null)
    {
        var data = new JsonObject
        {
            ["schema_name"] = new JsonArray(schema.Name),
            ["document_data"] = documentData,
        };
        if (mrz is not null)
        {
            data["mrz"] = mrz;
        }
        return new JsonObject
        {
            ["data"] = data,
            ["signature"] = await signer.SignCanonicalAsync(JsonCanonicalizer.Canonicalize(data), cancellationToken),
        };
    }
}
