using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Billing.Metering;
using Raytio.Server.Features.OutsideChecks;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Nzbn;

namespace Raytio.Server.Features.Nzbn;

/// <summary>
/// Operations 108 (search), 109 (entity) and 90 (ownership) over the configured register, each
/// metered and audited through <see cref="OutsideCheckRunner"/>. The search term may be a
/// person's name, so the audit trail keeps only its HMAC; NZBNs are public register ids.
/// </summary>
public sealed class NzbnOperations(INzbnRegister register, OutsideCheckRunner runner, AuditTrail audit)
{
    public async Task<JsonObject> SearchAsync(Guid caller, string? orgId, NzbnSearchParameters parameters, HttpRequest request, CancellationToken cancellationToken)
    {
        var query = parameters.Parse();
        var details = new JsonObject
        {
            ["search_term_hmac"] = query.SearchTerm is null ? null : await audit.HmacAsync(JsonValue.Create(query.SearchTerm.ToUpperInvariant()), cancellationToken),
            ["entity_status"] = query.EntityStatus,
            ["entity_type"] = query.EntityType,
            ["industry_code"] = query.IndustryCode,
            ["change_event"] = query.ChangeEvent,
            ["page"] = query.Page,
        };
        var found = await runner.RunAsync(
            new OutsideCheck(caller, orgId, MeteredChecks.NzbnSearch, AuditEventTypes.NzbnSearch, details), register.Name,
            ct => register.SearchAsync(query, ct), result => result.TotalItems == 0 ? "none" : "found", cancellationToken);
        var page = new NzbnSearchPage(query.PageSize, query.Page, found.TotalItems, "entityName", "ASC", found.Items, Links(request, query, found.TotalItems));
        return JsonSerializer.SerializeToNode(page, NzbnJson.Options)!.AsObject();
    }

    public async Task<JsonObject> EntityAsync(Guid caller, string? orgId, string nzbn, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(caller, orgId, nzbn, MeteredChecks.NzbnEntity, AuditEventTypes.NzbnEntityRead, cancellationToken);
        return JsonSerializer.SerializeToNode(entity, NzbnJson.Options)!.AsObject();
    }

    public async Task<NzbnOwnership> OwnershipAsync(Guid caller, string? orgId, string nzbn, CancellationToken cancellationToken) =>
        NzbnOwnershipSummary.Of(await FindAsync(caller, orgId, nzbn, MeteredChecks.NzbnOwnership, AuditEventTypes.NzbnOwnershipRead, cancellationToken));

    private async Task<NzbnEntity> FindAsync(Guid caller, string? orgId, string nzbn, string check, string auditEvent, CancellationToken cancellationToken)
    {
        if (!NzbnNumbers.IsValid(nzbn))
        {
            throw ApiException.Invalid("nzbn", "'nzbn' is a New Zealand Business Number: 13 digits ending in their GS1 check digit.");
        }
        var entity = await runner.RunAsync(
            new OutsideCheck(caller, orgId, check, auditEvent, new JsonObject { ["nzbn"] = nzbn }), register.Name,
            ct => register.FindAsync(nzbn, ct), found => found is null ? "not_found" : "found", cancellationToken);
        return entity ?? throw ApiException.NotFound("nzbn_not_found", $"The NZBN register has no entity {nzbn}.");
    }

    /// <summary>self, and next / previous pages when there are any, as the same query with another `page`.</summary>
    private static List<NzbnLink> Links(HttpRequest request, NzbnSearchQuery query, int total)
    {
        string At(int page)
        {
            var parameters = request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return QueryHelpers.AddQueryString(request.Path, parameters);
        }
        var links = new List<NzbnLink> { new("self", At(query.Page)) };
        if ((long)(query.Page + 1) * query.PageSize < total)
        {
            links.Add(new("next", At(query.Page + 1)));
        }
        if (query.Page > 0)
        {
            links.Add(new("previous", At(query.Page - 1)));
        }
        return links;
    }
}
