using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Raytio.Server.Data;
using Raytio.Server.Features.Audit;
using Raytio.Server.Features.Graph;
using Raytio.Server.Features.Organizations;
using Raytio.Server.Hosting;

namespace Raytio.Server.Features.PriceLists;

/// <summary>
/// Operations 91, 93 and 95: an array of rows, each for the `org_id` it names or the query's.
/// Every organisation named must be one the caller administers (404 / 403 otherwise, nothing
/// written). Rows that fail their checks are skipped with a reason; the others are written
/// together (one SaveChanges, so one transaction): a row is written whole or not at all.
/// </summary>
public sealed class PriceListInserts(RaytioDbContext db, OrganizationAccess access, AuditTrail audit, TimeProvider time)
{
    public const int MaxRows = 1000;

    /// <summary>Two inserts of the same new key at once: the loser starts again and replaces the winner's row.</summary>
    private const int Attempts = 3;

    public async Task<string> InsertAsync<TRow>(Guid caller, string? queryOrgId, JsonElement body, IPriceListRowKind<TRow> kind, CancellationToken cancellationToken)
    {
        var queryOrganization = string.IsNullOrWhiteSpace(queryOrgId) ? (Guid?)null : GraphIds.Parse(PriceListEndpoints.OrgIdField, queryOrgId);
        var elements = PriceListBodies.Rows(body, MaxRows);
        var rejected = new SortedDictionary<int, RowRejected>();
        var accepted = Read(elements, queryOrganization, kind, rejected);

        var organizations = accepted.Select(r => r.OrganizationId).ToList();
        if (queryOrganization is { } named)
        {
            organizations.Insert(0, named);
        }
        await RequireAdministratorAsync(caller, organizations.Distinct(), cancellationToken);

        if (accepted.Count > 0)
        {
            foreach (var (index, reason) in await SaveAsync(caller, accepted, kind, cancellationToken))
            {
                rejected[index] = reason;
            }
        }
        return Answer(elements.Count - rejected.Count, elements.Count, rejected);
    }

    private static List<AcceptedRow<TRow>> Read<TRow>(IReadOnlyList<JsonElement> elements, Guid? queryOrganization, IPriceListRowKind<TRow> kind, SortedDictionary<int, RowRejected> rejected)
    {
        var accepted = new List<AcceptedRow<TRow>>();
        var firstWithKey = new Dictionary<object, int>();
        for (var index = 0; index < elements.Count; index++)
        {
            try
            {
                var row = PriceListRow.Of(elements[index]);
                var organization = row.OrganizationId() ?? queryOrganization
                    ?? throw new RowRejected(PriceListEndpoints.OrgIdField, $"'{PriceListEndpoints.OrgIdField}' is required, in the row or as a query parameter.");
                var read = kind.Read(row);
                var key = kind.KeyOf(organization, read);
                if (firstWithKey.TryGetValue(key, out var first))
                {
                    throw new RowRejected(kind.KeyField, $"Row {first} has the same key.");
                }
                firstWithKey[key] = index;
                accepted.Add(new AcceptedRow<TRow>(index, organization, read));
            }
            catch (RowRejected reason)
            {
                rejected[index] = reason;
            }
        }
        return accepted;
    }

    /// <summary>Every organisation first for existence (404), then for the administrator's role (403).</summary>
    private async Task RequireAdministratorAsync(Guid caller, IEnumerable<Guid> organizations, CancellationToken cancellationToken)
    {
        var callers = new List<OrganizationCaller>();
        foreach (var organization in organizations)
        {
            callers.Add(await access.ReadAsync(caller, organization.ToString(), cancellationToken));
        }
        callers.ForEach(c => c.RequireAdmin());
    }

    private async Task<List<(int Index, RowRejected Reason)>> SaveAsync<TRow>(Guid caller, List<AcceptedRow<TRow>> accepted, IPriceListRowKind<TRow> kind, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var rejections = new List<(int, RowRejected)>();
            var now = time.GetUtcNow().UtcDateTime;
            await kind.StoreAsync(db, accepted, now, (index, reason) => rejections.Add((index, reason)), cancellationToken);
            var rejectedIndexes = rejections.Select(r => r.Item1).ToHashSet();
            foreach (var written in accepted.Where(r => !rejectedIndexes.Contains(r.Index)).GroupBy(r => r.OrganizationId))
            {
                audit.Record(kind.AuditEvent, caller, written.Key, new JsonObject { ["inserted"] = written.Count() });
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return rejections;
            }
            catch (DbUpdateException failure) when (failure.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
                if (attempt == Attempts)
                {
                    throw ApiException.Conflict("concurrent_update", "Other requests kept changing the same rows; try again.");
                }
            }
        }
    }

    /// <summary>The reference's "N out of M records inserted", then one sentence per rejected row.</summary>
    private static string Answer(int inserted, int total, SortedDictionary<int, RowRejected> rejected)
    {
        var answer = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{inserted} out of {total} records inserted"));
        foreach (var (index, reason) in rejected)
        {
            answer.Append(CultureInfo.InvariantCulture, $". Row {index} rejected ({reason.Field}): {reason.Reason.TrimEnd('.')}");
        }
        return answer.ToString();
    }
}
