using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.Links;

/// <summary>Operation 9 (a link of the caller's) and operation 31 (an organisation's link, listed on it).</summary>
public sealed class LinkCreation(
    ShortLinkStore store,
    OrganizationAccess access,
    OrganizationReads organizations,
    OrganizationLinks organizationLinks,
    IOptions<LinkOptions> options,
    TimeProvider time)
{
    public async Task<JsonObject> CreateAsync(Guid caller, ShortLinkRequest request, CancellationToken cancellationToken)
    {
        var persist = request.Persist ?? false;
        var validation = new Validation();
        var url = HttpUrls.Check(validation, "url", request.Url, persist ? options.Value.MaxPersistedUrlLength : LinkOptions.MaxUrlLength);
        validation.ThrowIfAny();
        var now = time.GetUtcNow().UtcDateTime;
        var link = await store.AddAsync(id => new ShortLink
        {
            Id = id,
            Url = url,
            Persist = persist,
            CreatedBy = caller,
            CreatedAt = now,
            ExpiresAt = persist ? null : now + options.Value.ExpiresAfter,
        }, caller, caller, cancellationToken);
        return LinkAnswers.Of(link.Id, link.Url, link.Persist);
    }

    /// <summary>Any member may add one; the answer is the organisation with all its links.</summary>
    public async Task<JsonObject> CreateForOrganizationAsync(Guid caller, string orgId, OrganizationLinkRequest request, CancellationToken cancellationToken)
    {
        var organization = (await access.ReadAsync(caller, orgId, cancellationToken)).Organization;
        var validation = new Validation();
        var url = HttpUrls.Check(validation, "url", request.Url, options.Value.MaxPersistedUrlLength);
        var description = request.CheckDescription(validation);
        validation.ThrowIfAny();
        var now = time.GetUtcNow().UtcDateTime;
        await store.AddAsync(id => new ShortLink
        {
            Id = id,
            Url = url,
            Persist = true,
            OrganizationId = organization.Id,
            Description = description,
            CreatedBy = caller,
            CreatedAt = now,
        }, caller, organization.Id, cancellationToken);
        return OrganizationAnswers.Of(
            organization,
            await organizations.CustomerOfAsync(organization, cancellationToken),
            await organizationLinks.ListAsync(organization.Id, cancellationToken));
    }
}
