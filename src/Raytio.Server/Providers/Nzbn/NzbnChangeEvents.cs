namespace Raytio.Server.Providers.Nzbn;

/// <summary>A dated change of an entity, named as operation 108's `change-event` filter names it.</summary>
public sealed record NzbnChange(string Event, DateTime At);

/// <summary>
/// The changes an entity's own record shows (names, statuses, addresses, contacts, roles,
/// shareholding, insolvencies, annual returns), so a change-history search finds exactly what
/// the entity read shows. Changes the record keeps no date for (filing months, constitution,
/// classifications) cannot be found this way.
/// </summary>
public static class NzbnChangeEvents
{
    public static IEnumerable<NzbnChange> Of(NzbnEntity entity)
    {
        if (entity.RegistrationDate is { } registered)
        {
            yield return new("registrationDate", registered);
        }
        // The first name and status are the registration's own; each later one is a change.
        var renamed = entity.EntityNames.Skip(1).Select(n => n.StartDate).ToList();
        var restated = entity.EntityStatus.Skip(1).Select(s => s.StartDate).ToList();
        foreach (var change in Dated("name", renamed)
            .Concat(Dated("status", restated))
            .Concat(Dated("statusDescription", restated))
            .Concat(Dated("tradingNames", entity.TradingNames.SelectMany(t => new[] { t.StartDate, t.EndDate })))
            .Concat(Dated("websites", entity.Website.Select(w => w.StartDate)))
            .Concat(Dated("phoneNumbers", entity.PhoneNumber.Select(p => p.StartDate)))
            .Concat(Dated("emailAddresses", entity.EmailAddress.Select(e => e.StartDate)))
            .Concat(Dated("registeredAddresses", entity.RegisteredAddress.Select(a => a.StartDate)))
            .Concat(Dated("physicalAddress", entity.PhysicalAddress.Select(a => a.StartDate)))
            .Concat(Dated("principalPlaceOfActivity", entity.PrincipalPlaceOfActivity.Select(a => a.StartDate)))
            .Concat(Dated("otherAddresses", entity.OtherAddress.Select(a => a.StartDate))))
        {
            yield return change;
        }
        foreach (var role in entity.Roles)
        {
            foreach (var date in new[] { role.StartDate, role.EndDate }.OfType<DateTime>())
            {
                yield return new("role", date);
                if (RoleEvent(role) is { } specific)
                {
                    yield return new(specific, date);
                }
            }
        }
        if (entity.Company is { } company)
        {
            foreach (var change in Dated("shareholding", ShareholdingDates(company.Shareholding))
                .Concat(Dated("insolvencyDetails", company.Insolvencies.Select(i => i.Commenced)))
                .Concat(Dated("annualReturns", [company.AnnualReturnLastFiled])))
            {
                yield return change;
            }
        }
    }

    private static string? RoleEvent(NzbnRole role) => role.RoleType switch
    {
        NzbnRoleTypes.Director => "role:company director",
        NzbnRoleTypes.Partner => role.RolePerson is null ? "role:PARTNER_OTHER" : "role:PARTNER_INDIVIDUAL",
        NzbnRoleTypes.Trustee => role.RolePerson is null ? "role:TRUSTEE_OTHER" : "role:TRUSTEE_INDIVIDUAL",
        NzbnRoleTypes.SoleTrader => "role:SOLE_TRADER",
        _ => null,
    };

    private static IEnumerable<DateTime?> ShareholdingDates(NzbnShareholding? shareholding) =>
        shareholding is null
            ? []
            : shareholding.ShareAllocation.SelectMany(a => a.Shareholder.Select(s => s.AppointmentDate))
                .Concat(shareholding.HistoricShareholder.Select(h => h.VacationDate));

    private static IEnumerable<NzbnChange> Dated(string name, IEnumerable<DateTime?> dates) =>
        dates.OfType<DateTime>().Select(date => new NzbnChange(name, date));
}

/// <summary>The role types the register uses (`roleType`).</summary>
public static class NzbnRoleTypes
{
    public const string Director = "Director";
    public const string Partner = "Partner";
    public const string Trustee = "Trustee";
    public const string SoleTrader = "SoleTrader";
}
