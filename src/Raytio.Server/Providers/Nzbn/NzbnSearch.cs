namespace Raytio.Server.Providers.Nzbn;

/// <summary>
/// A validated search (operation 108): either a free-text search with filters, or a change-history
/// search (<see cref="ChangeEvent"/> with its time window), never both. <see cref="EntityStatus"/>
/// and <see cref="EntityType"/> are the reference's filter names; <see cref="Page"/> is zero-based.
/// </summary>
public sealed record NzbnSearchQuery
{
    public string? SearchTerm { get; init; }
    public string? EntityStatus { get; init; }
    public string? EntityType { get; init; }
    public string? IndustryCode { get; init; }
    public string? ChangeEvent { get; init; }
    public DateTime? DateTimeFrom { get; init; }
    public DateTime? DateTimeTo { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = NzbnSearchLimits.DefaultPageSize;

    /// <summary>The caller's request id, passed on to the register as `api-business-govt-nz-Request-Id`.</summary>
    public Guid? RequestId { get; init; }
}

public static class NzbnSearchLimits
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 200;
}

/// <summary>What the register found: how many match in all, and the items of the page asked for (by entity name, then NZBN).</summary>
public sealed record NzbnSearchResult(int TotalItems, IReadOnlyList<NzbnSearchItem> Items);

/// <summary>A page of search results in the reference's shape.</summary>
public sealed record NzbnSearchPage(
    int PageSize, int Page, int TotalItems, string SortBy, string SortOrder, IReadOnlyList<NzbnSearchItem> Items, IReadOnlyList<NzbnLink> Links);

public sealed record NzbnSearchItem
{
    public required string Nzbn { get; init; }
    public required string EntityName { get; init; }
    public required NzbnCodeName<string> EntityType { get; init; }
    public string? SourceRegisterUniqueId { get; init; }
    public IReadOnlyList<string> TradingNames { get; init; } = [];
    public IReadOnlyList<string> PreviousEntityNames { get; init; } = [];
    public IReadOnlyList<string> PreviousTradingNames { get; init; } = [];
    public IReadOnlyList<NzbnClassification> IndustryClassification { get; init; } = [];
    public required NzbnCodeName<int> EntityStatus { get; init; }
    public IReadOnlyList<string> ChangeEvent { get; init; } = [];
    public DateTime? RegistrationDate { get; init; }
    public required NzbnLink Entity { get; init; }
}

public sealed record NzbnCodeName<T>(T Id, string Name);

public static class NzbnPaths
{
    /// <summary>Where operation 109 answers the entity: the `entity` link of a search item.</summary>
    public static NzbnLink Entity(string nzbn) => new("entity", $"/nzbn/v1/entities/{nzbn}");
}
