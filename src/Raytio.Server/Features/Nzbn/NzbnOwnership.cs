using System.Text.Json.Serialization;

namespace Raytio.Server.Features.Nzbn;

/// <summary>Operation 90's answer (the reference's shape, snake_case; counts as strings as the reference writes them).</summary>
public sealed record NzbnOwnership(
    DateTime? RegistrationDate, string Name, string? CountryOfOrigin, string? ReturnMonth, string Nzbn, string Type, string? TotalShares,
    string? Status, Guid? NId, IReadOnlyList<NzbnOwnershipDirector> Directors, IReadOnlyList<NzbnOwnershipOwner> Owners, IReadOnlyList<NzbnOwnershipPerson> People);

/// <summary>A director; <see cref="DirectorUntil"/> (not in the reference's example) only for one who has left.</summary>
public sealed record NzbnOwnershipDirector(
    string? DirectorStatus, string? LastName, string? MiddleName, string? FirstName, DateTime? DirectorSince,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? DirectorUntil);

/// <summary>One allocation of shares and its holders (jointly, when more than one).</summary>
public sealed record NzbnOwnershipOwner(string Quantity, IReadOnlyList<NzbnOwnershipHolder> Holders);

/// <summary>A holder: a person (names) or an entity (<see cref="EntityName"/> and <see cref="Nzbn"/>, additions to the reference's example).</summary>
public sealed record NzbnOwnershipHolder(
    DateTime? HeldSince,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MiddleName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FirstName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EntityName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Nzbn);

/// <summary>A person who directs or owns the entity: the share of all shares they hold (0-1) and their directorship.</summary>
public sealed record NzbnOwnershipPerson(string Name, decimal? OwnershipPercentage, DateTime? DirectorSince, string? DirectorStatus);
