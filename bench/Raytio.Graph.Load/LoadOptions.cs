using System.Globalization;

namespace Raytio.Graph.Load;

/// <summary>The command line: how many objects, into which database, for which benchmark accounts.</summary>
internal sealed record LoadOptions(
    int Objects,
    string? SqlitePath,
    string? PostgresConnection,
    BenchEmails Accounts,
    string OutputDirectory,
    int Seed,
    CallerShare MemberShare)
{
    public const string Usage = """
        Usage: Raytio.Graph.Load --objects N (--sqlite PATH | --postgres CONNECTION)
                 --owner EMAIL --member EMAIL --grantor EMAIL --out DIR [--seed 42]
                 [--member-owns FRACTION] [--member-granted FRACTION]
        Fills the graph tables of a migrated, otherwise idle server database with N profile objects:
        users with 10-50 objects each (trees up to 3 levels below a root), groups of 5-500 members,
        VIEWS grants to groups that cascade over the shared trees. The three accounts must exist
        (create-user); the owner gets 50 objects, the member belongs to the owner's group, the
        grantor owns a tree of a root and 100 sub objects. DIR receives the n_ids the benchmark uses.
        --member-owns gives the member that fraction of the objects instead of 20 (bench/cypher),
        --member-granted direct VIEWS grants (with their cascade) on other users' trees holding
        about that fraction of the objects.
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --option value at '{args[i]}'");
            }
            values[args[i][2..]] = args[i + 1];
        }
        string Required(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
        var sqlite = values.GetValueOrDefault("sqlite");
        var postgres = values.GetValueOrDefault("postgres");
        if ((sqlite is null) == (postgres is null))
        {
            throw new ArgumentException("give exactly one of --sqlite and --postgres");
        }
        var objects = int.Parse(Required("objects"), CultureInfo.InvariantCulture);
        var share = new CallerShare(
            double.Parse(values.GetValueOrDefault("member-owns", "0"), CultureInfo.InvariantCulture),
            double.Parse(values.GetValueOrDefault("member-granted", "0"), CultureInfo.InvariantCulture));
        if (share.Owns is < 0 or > 0.5 || share.Granted is < 0 or > 0.5)
        {
            throw new ArgumentException("--member-owns and --member-granted are fractions from 0 to 0.5");
        }
        if (objects < GraphGenerator.FixedObjects + share.MemberObjects(objects) + 1_000)
        {
            throw new ArgumentException($"--objects must be at least {GraphGenerator.FixedObjects + share.MemberObjects(objects) + 1_000}");
        }
        return new LoadOptions(
            objects,
            sqlite,
            postgres,
            new BenchEmails(Required("owner"), Required("member"), Required("grantor")),
            Required("out"),
            int.Parse(values.GetValueOrDefault("seed", "42"), CultureInfo.InvariantCulture),
            share);
    }
}

/// <summary>The member's part of the graph beyond the fixed benchmark accounts: a fraction owned, a fraction granted directly.</summary>
internal sealed record CallerShare(double Owns, double Granted)
{
    public int MemberObjects(int objects) => Math.Max(GraphGenerator.MemberObjects, (int)(Owns * objects));

    public int GrantedObjects(int objects) => (int)(Granted * objects);
}

/// <summary>The signed-in accounts the benchmark uses (made beforehand with `create-user`).</summary>
internal sealed record BenchEmails(string Owner, string Member, string Grantor);
