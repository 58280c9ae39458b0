using System.Globalization;
using Raytio.Server.Providers.Nzbn;

namespace Raytio.Server.Features.Nzbn;

/// <summary>
/// Operation 90, computed from the entity's own record (docs/NZBN.md, "Ownership"):
/// <list type="bullet">
/// <item>directors: the Director roles held by people, current ones first (then by start date);</item>
/// <item>owners: each share allocation with its holders, in the register's order;</item>
/// <item>people: everyone who is a director or an individual shareholder, matched by full name
/// (letter case and spacing aside). A person's shares are the sum over the allocations they
/// hold, a joint allocation split equally among all its holders (entities included); their
/// ownership_percentage is those shares over the total number of shares, a fraction from 0 to 1
/// rounded half-even to 6 places (the reference's example: 10 of 1000 shares is 0.01). Null for
/// an entity with no shareholding (not a company). Largest holding first, then by name.</item>
/// </list>
/// </summary>
public static class NzbnOwnershipSummary
{
    public const int Decimals = 6;

    public static NzbnOwnership Of(NzbnEntity entity)
    {
        var shareholding = entity.Company?.Shareholding;
        var directors = entity.Roles
            .Where(r => r.RoleType == NzbnRoleTypes.Director && r.RolePerson is not null)
            .OrderBy(r => IsActive(r) ? 0 : 1).ThenBy(r => r.StartDate)
            .ToList();
        var owners = shareholding?.ShareAllocation.Select(a => new NzbnOwnershipOwner(Count(a.Allocation), [.. a.Shareholder.Select(Holder)])).ToList() ?? [];
        return new NzbnOwnership(
            entity.RegistrationDate,
            entity.EntityName,
            entity.Company?.CountryOfOrigin,
            entity.Company?.AnnualReturnFilingMonth is { } month ? Count(month) : null,
            entity.Nzbn,
            entity.EntityTypeCode,
            shareholding is null ? null : Count(shareholding.TotalShares()),
            entity.EntityStatusDescription,
            null,
            [.. directors.Select(r => new NzbnOwnershipDirector(r.RoleStatus, r.RolePerson!.LastName, r.RolePerson.MiddleNames, r.RolePerson.FirstName, r.StartDate,
                IsActive(r) ? null : r.EndDate))],
            owners,
            People(directors, shareholding));
    }

    /// <summary>The shares a person holds, keyed by their name; joint allocations split equally.</summary>
    public static Dictionary<string, decimal> SharesByPerson(NzbnShareholding shareholding)
    {
        var held = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var allocation in shareholding.ShareAllocation.Where(a => a.Shareholder.Count > 0))
        {
            var each = (decimal)allocation.Allocation / allocation.Shareholder.Count;
            foreach (var holder in allocation.Shareholder)
            {
                if (holder.IndividualShareholder is { } person)
                {
                    var key = Key(person.FirstName, person.MiddleNames, person.LastName);
                    held[key] = held.GetValueOrDefault(key) + each;
                }
            }
        }
        return held;
    }

    private static List<NzbnOwnershipPerson> People(List<NzbnRole> directors, NzbnShareholding? shareholding)
    {
        var people = new Dictionary<string, (string Name, NzbnRole? Director)>(StringComparer.Ordinal);
        foreach (var role in directors)
        {
            var person = role.RolePerson!;
            var key = Key(person.FirstName, person.MiddleNames, person.LastName);
            // The first is the current (or latest) directorship: directors are in that order.
            people.TryAdd(key, (Display(person.FirstName, person.MiddleNames, person.LastName), role));
        }
        var shares = shareholding is null ? [] : SharesByPerson(shareholding);
        foreach (var holder in shareholding?.ShareAllocation.SelectMany(a => a.Shareholder) ?? [])
        {
            if (holder.IndividualShareholder is { } person)
            {
                people.TryAdd(Key(person.FirstName, person.MiddleNames, person.LastName), (Display(person.FirstName, person.MiddleNames, person.LastName), null));
            }
        }
        var total = shareholding?.TotalShares() ?? 0;
        return [.. people
            .Select(p => new NzbnOwnershipPerson(
                p.Value.Name,
                shareholding is null ? null : total == 0 ? 0m : Math.Round(shares.GetValueOrDefault(p.Key) / total, Decimals, MidpointRounding.ToEven),
                p.Value.Director?.StartDate,
                p.Value.Director?.RoleStatus))
            .OrderByDescending(p => p.OwnershipPercentage ?? 0m)
            .ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static NzbnOwnershipHolder Holder(NzbnShareholder holder) => holder.IndividualShareholder is { } person
        ? new(holder.AppointmentDate, person.LastName, person.MiddleNames, person.FirstName, null, null)
        : new(holder.AppointmentDate, null, null, null, holder.OtherShareholder?.CurrentEntityName, holder.OtherShareholder?.Nzbn);

    private static bool IsActive(NzbnRole role) => string.Equals(role.RoleStatus, "ACTIVE", StringComparison.OrdinalIgnoreCase) && role.EndDate is null;

    /// <summary>"LAST, FIRST MIDDLE", as the reference writes a person.</summary>
    private static string Display(string? first, string? middle, string? last) =>
        $"{last?.Trim().ToUpperInvariant()}, {string.Join(' ', new[] { first, middle }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim().ToUpperInvariant()))}";

    private static string Key(string? first, string? middle, string? last) =>
        string.Join(' ', new[] { first, middle, last }.SelectMany(n => (n ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(n => n.ToUpperInvariant()));

    private static string Count(long number) => number.ToString(CultureInfo.InvariantCulture);
}
