namespace Raytio.Server.Providers.Nzbn.Sandbox;

/// <summary>
/// Operation 108 over the Sandbox dataset, as the register searches: the free text matches
/// current and past entity names and trading names (case-insensitive, anywhere in the name), or
/// an NZBN or company number exactly; `entity-status` and `entity-type` by their code groups
/// (<see cref="NzbnCodes"/>); `industry-code` as a prefix of a BIC code; a change-history search
/// finds the entities with a change of that kind in the window (<see cref="NzbnChangeEvents"/>).
/// Results by entity name, then NZBN.
/// </summary>
public static class NzbnSandboxSearch
{
    public static NzbnSearchResult Run(IEnumerable<NzbnEntity> entities, NzbnSearchQuery query)
    {
        var matches = entities
            .Where(e => MatchesText(e, query.SearchTerm) && MatchesFilters(e, query))
            .Select(e => (Entity: e, Changes: Changes(e, query)))
            .Where(m => query.ChangeEvent is null || m.Changes.Count > 0)
            .OrderBy(m => m.Entity.EntityName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Entity.Nzbn, StringComparer.Ordinal)
            .ToList();
        var page = matches
            .Skip((int)Math.Min(int.MaxValue, (long)query.Page * query.PageSize))
            .Take(query.PageSize)
            .Select(m => NzbnSearchItems.From(m.Entity, m.Changes))
            .ToList();
        return new NzbnSearchResult(matches.Count, page);
    }

    private static bool MatchesText(NzbnEntity entity, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return true;
        }
        var text = term.Trim();
        return entity.Nzbn == text
            || entity.SourceRegisterUniqueIdentifier == text
            || entity.EntityName.Contains(text, StringComparison.OrdinalIgnoreCase)
            || entity.EntityNames.Any(n => n.EntityName.Contains(text, StringComparison.OrdinalIgnoreCase))
            || entity.TradingNames.Any(t => t.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private static bool MatchesFilters(NzbnEntity entity, NzbnSearchQuery query) =>
        (query.EntityStatus is null || NzbnCodes.StatusFilters[query.EntityStatus].Contains(entity.EntityStatusCode))
        && (query.EntityType is null || NzbnCodes.TypeFilters[query.EntityType].Contains(entity.EntityTypeCode))
        && (query.IndustryCode is null
            || entity.IndustryClassification.Any(c => c.ClassificationCode.StartsWith(query.IndustryCode.Trim(), StringComparison.OrdinalIgnoreCase)));

    private static List<string> Changes(NzbnEntity entity, NzbnSearchQuery query) =>
        query.ChangeEvent is not { } wanted
            ? []
            : NzbnChangeEvents.Of(entity)
                .Where(c => c.Event == wanted && (query.DateTimeFrom is not { } from || c.At >= from) && (query.DateTimeTo is not { } to || c.At <= to))
                .Select(c => c.Event)
                .Distinct()
                .ToList();
}
