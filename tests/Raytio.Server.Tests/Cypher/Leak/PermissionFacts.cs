using Raytio.Server.Features.Graph;
using Raytio.Server.Tests.Cypher.Differential;

namespace Raytio.Server.Tests.Cypher.Leak;

/// <summary>Who may hold a permission in a generated world (docs/CYPHER.md, "Leak suite").</summary>
public enum Principal
{
    /// <summary>The signed-in caller with groups.</summary>
    Caller,
    CallerGroup,
    SecondCallerGroup,

    /// <summary>A group another user belongs to and the caller does not.</summary>
    ForeignGroup,
    Public,
    OtherUser,
    SecondOtherUser,
}

public sealed record Grant(Principal To, string Type);

/// <summary>An object's owner and the grants on it.</summary>
public sealed record ObjectFacts(Principal Owner, IReadOnlyList<Grant> Grants);

/// <summary>
/// Random permission facts for a generated graph: each object owned by the caller or one of two
/// other users, with up to two grants of VIEWS / EDITS / ADMINS to the caller, the caller's
/// groups, a group the caller is not in, PUBLIC (VIEWS only, as operation 48 allows) or other
/// users. The same seed gives the same facts.
/// </summary>
public sealed record PermissionFacts(IReadOnlyDictionary<long, ObjectFacts> Objects)
{
    private static readonly Principal[] Owners = [Principal.Caller, Principal.OtherUser, Principal.OtherUser, Principal.SecondOtherUser, Principal.SecondOtherUser];

    // PUBLIC twice, so anonymous callers see a few objects of a small graph.
    private static readonly Principal[] Grantees =
    [
        Principal.Caller, Principal.CallerGroup, Principal.SecondCallerGroup, Principal.ForeignGroup,
        Principal.Public, Principal.Public, Principal.OtherUser, Principal.SecondOtherUser,
    ];

    public static PermissionFacts Generate(int seed, GeneratedGraph graph)
    {
        var random = new Random(seed);
        var objects = new Dictionary<long, ObjectFacts>();
        foreach (var node in graph.Nodes)
        {
            var grants = new List<Grant>();
            for (var i = random.Next(0, 3); i > 0; i--)
            {
                var to = Grantees[random.Next(Grantees.Length)];
                var type = to == Principal.Public ? RelationshipTypes.Views : RelationshipTypes.Grantable[random.Next(RelationshipTypes.Grantable.Count)];
                if (!grants.Contains(new Grant(to, type)))
                {
                    grants.Add(new Grant(to, type));
                }
            }
            objects[node.Key] = new ObjectFacts(Owners[random.Next(Owners.Length)], grants);
        }
        return new PermissionFacts(objects);
    }
}
