using System.Globalization;
using Raytio.Server.Hosting;
using Raytio.Server.Providers.Nzbn;

namespace Raytio.Server.Features.Nzbn;

/// <summary>
/// Operation 108's query as it arrives (strings, named as the reference names them), checked into
/// an <see cref="NzbnSearchQuery"/>: every fault is a 400 naming its parameter.
/// </summary>
public sealed record NzbnSearchParameters(
    string? SearchTerm, string? EntityStatus, string? EntityType, string? IndustryCode, string? ChangeEvent,
    string? DateTimeFrom, string? DateTimeTo, string? Page, string? PageSize, string? Mapped, string? RequestId)
{
    public const int MaxSearchTermLength = 200;

    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd"];

    public NzbnSearchQuery Parse()
    {
        var check = new Validation();
        var term = Blank(SearchTerm);
        if (term?.Length > MaxSearchTermLength)
        {
            check.Add("search-term", $"'search-term' is at most {MaxSearchTermLength} characters.");
        }
        var status = Named("entity-status", EntityStatus, NzbnCodes.StatusFilters.Keys, check);
        var type = Named("entity-type", EntityType, NzbnCodes.TypeFilters.Keys, check);
        var industry = Blank(IndustryCode);
        var change = Named("change-event", ChangeEvent, NzbnCodes.ChangeEvents, check);
        var from = Time("dateTimeFrom", DateTimeFrom, check);
        var to = Time("dateTimeTo", DateTimeTo, check);
        if (Blank(ChangeEvent) is not null)
        {
            foreach (var (field, value) in new[] { ("search-term", term), ("entity-status", Blank(EntityStatus)), ("industry-code", industry) })
            {
                if (value is not null)
                {
                    check.Add(field, $"'{field}' must be blank when 'change-event' is given (a change-history search).");
                }
            }
        }
        else
        {
            foreach (var (field, value) in new[] { ("dateTimeFrom", DateTimeFrom), ("dateTimeTo", DateTimeTo) })
            {
                if (Blank(value) is not null)
                {
                    check.Add(field, $"'{field}' bounds a change-history search: give 'change-event' too (and no 'search-term').");
                }
            }
        }
        if (from is { } start && to is { } end && start > end)
        {
            check.Add("dateTimeTo", "'dateTimeTo' must not be before 'dateTimeFrom'.");
        }
        var page = Whole("page", Page, 0, int.MaxValue, 0, check);
        var size = Whole("page-size", PageSize, 1, NzbnSearchLimits.MaxPageSize, NzbnSearchLimits.DefaultPageSize, check);
        if (Blank(Mapped) is { } mapped && !bool.TryParse(mapped, out _))
        {
            check.Add("mapped", "'mapped' is true or false.");
        }
        Guid? requestId = null;
        if (Blank(RequestId) is { } id)
        {
            if (Guid.TryParse(id, out var parsed))
            {
                requestId = parsed;
            }
            else
            {
                check.Add("api-business-govt-nz-Request-Id", "'api-business-govt-nz-Request-Id' must be a UUID.");
            }
        }
        check.ThrowIfAny();
        return new NzbnSearchQuery
        {
            SearchTerm = term,
            EntityStatus = status,
            EntityType = type,
            IndustryCode = industry,
            ChangeEvent = change,
            DateTimeFrom = from,
            DateTimeTo = to,
            Page = page,
            PageSize = size,
            RequestId = requestId,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>One of <paramref name="allowed"/> (any letter case), in its canonical spelling.</summary>
    private static string? Named(string field, string? value, IEnumerable<string> allowed, Validation check)
    {
        if (Blank(value) is not { } given)
        {
            return null;
        }
        var names = allowed.ToList();
        var found = names.FirstOrDefault(n => n == given) ?? names.FirstOrDefault(n => string.Equals(n, given, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            check.Add(field, $"'{field}' is one of: {string.Join(", ", names.Order(StringComparer.Ordinal))}.");
        }
        return found;
    }

    private static DateTime? Time(string field, string? value, Validation check)
    {
        if (Blank(value) is not { } given)
        {
            return null;
        }
        if (DateTime.TryParseExact(given, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return DateTime.SpecifyKind(at, DateTimeKind.Unspecified);
        }
        check.Add(field, $"'{field}' is a time as YYYY-MM-DDThh:mm:ss.");
        return null;
    }

    private static int Whole(string field, string? value, int min, int max, int fallback, Validation check)
    {
        if (Blank(value) is not { } given)
        {
            return fallback;
        }
        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }
        check.Add(field, max == int.MaxValue ? $"'{field}' is a whole number from {min}." : $"'{field}' is a whole number from {min} to {max}.");
        return fallback;
    }
}
