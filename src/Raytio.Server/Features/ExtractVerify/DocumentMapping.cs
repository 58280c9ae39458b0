using System.Text.Json;
using System.Text.Json.Nodes;
using Raytio.Signing;

namespace Raytio.Server.Features.ExtractVerify;

/// <summary>Operation 104: signed extracted data onto its schema's fields (<see cref="DocumentMapper"/>), signed again.</summary>
public sealed class DocumentMapping(Signer signer, DocumentSchemas schemas, DocumentMapper mapper, DocumentSigning signing)
{
    public async Task<JsonObject> MapAsync(Guid caller, JsonElement body, CancellationToken cancellationToken)
    {
        var signed = await SignedDocument.ReadVerifiedAsync(body, signer, cancellationToken);
        var schema = await schemas.LoadAsync(signed.SchemaName, caller, "data.schema_name", cancellationToken);
        return await signing.SignAsync(schema, mapper.Map(schema, signed.DocumentData, "data.document_data"), cancellationToken);
    }
}
