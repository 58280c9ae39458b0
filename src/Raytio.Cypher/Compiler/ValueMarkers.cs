using System.Security.Cryptography;

namespace Raytio.Cypher.Compiler;

/// <summary>
/// The keys of the one-key JSON objects that stand for a node or a relationship in a result
/// (`{"~node": id}`). A caller can put any map into a result through `$params` or a stored
/// property, so a server must use keys the caller cannot guess (<see cref="Unguessable"/>), or a
/// forged marker would make it render a node the caller may not see.
/// </summary>
public sealed record ValueMarkers
{
    public static readonly ValueMarkers Plain = new("~node", "~rel");

    private ValueMarkers(string node, string relationship)
    {
        Node = node;
        Relationship = relationship;
    }

    public string Node { get; }

    public string Relationship { get; }

    /// <summary>`~node:` and `~rel:` followed by 128 random bits (hex): the keys are constants inlined in the SQL, never user text.</summary>
    public static ValueMarkers Unguessable()
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new ValueMarkers("~node:" + nonce, "~rel:" + nonce);
    }
}
