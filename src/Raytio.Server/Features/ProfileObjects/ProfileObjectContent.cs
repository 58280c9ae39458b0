using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.ProfileObjects;

/// <summary>Operations 36-37: an object's document as a base64 string (37 asks as an anonymous caller: PUBLIC VIEWS only).</summary>
public sealed class ProfileObjectContent(PermissionService permissions, IContentStore store, AuditTrail audit, ILogger<ProfileObjectContent> logger)
{
    public async Task<string> ReadBase64Async(Guid? user, Guid key, CancellationToken cancellationToken)
    {
        var node = await permissions.RequireAsync(user, key, NodeKind.ProfileObject, Permission.View, cancellationToken);
        if (node.ContentHash is null || node.ContentLength is null)
        {
            throw ApiException.NotFound("content_not_found", "This profile object has no content.");
        }
        byte[] content;
        try
        {
            content = await store.ReadAsync(node.ContentHash, node.ContentLength.Value, cancellationToken);
        }
        catch (ContentUnavailableException unavailable)
        {
            logger.LogError(unavailable, "The content of profile object {NId} cannot be served", node.Key);
            throw new ApiException(StatusCodes.Status500InternalServerError, "content_unavailable",
                "The content of this profile object is missing or damaged in the server's content store; the operator has been told.");
        }
        audit.RecordReads(user, [node.Key]);
        return Convert.ToBase64String(content);
    }
}
