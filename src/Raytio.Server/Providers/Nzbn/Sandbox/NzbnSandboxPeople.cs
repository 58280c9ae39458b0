namespace Raytio.Server.Providers.Nzbn.Sandbox;

/// <summary>A fictional person of the Sandbox dataset (a director, partner, trustee or shareholder).</summary>
public sealed record SandboxPerson(string FirstName, string? MiddleNames, string LastName)
{
    public string FullName => MiddleNames is null ? $"{FirstName} {LastName}" : $"{FirstName} {MiddleNames} {LastName}";

    public NzbnRolePerson AsRolePerson() => new(null, FirstName, MiddleNames, LastName);

    public NzbnPersonName AsShareholder() => new(FirstName, MiddleNames, LastName, FullName);
}
