namespace Raytio.Server.Providers.Nzbn;

/// <summary>
/// A role in an entity: a director, partner, trustee or sole trader, held by a person
/// (<see cref="RolePerson"/>) or another entity (<see cref="RoleEntity"/>). <see cref="RoleStatus"/>
/// is ACTIVE or INACTIVE (an INACTIVE role has its <see cref="EndDate"/>).
/// </summary>
public sealed record NzbnRole
{
    public required string RoleType { get; init; }
    public string? RoleStatus { get; init; }
    public DateTime? StartDate { get; init; }
    public DateTime? EndDate { get; init; }
    public bool? AsicDirectorshipYn { get; init; }
    public string? AsicName { get; init; }
    public string? Acn { get; init; }
    public NzbnRoleEntity? RoleEntity { get; init; }
    public NzbnRolePerson? RolePerson { get; init; }
    public IReadOnlyList<NzbnAddress> RoleAddress { get; init; } = [];
    public IReadOnlyList<NzbnAddress> RoleAsicAddress { get; init; } = [];
    public string? UniqueIdentifier { get; init; }
}

public sealed record NzbnRoleEntity(string? Nzbn, string? EntityName);

public sealed record NzbnRolePerson(string? Title, string? FirstName, string? MiddleNames, string? LastName);
