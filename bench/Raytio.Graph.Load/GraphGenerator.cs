using Raytio.Server.Features.Graph;

namespace Raytio.Graph.Load;

/// <summary>
/// Makes the same graph for the same seed and size, handing every row to the store:
/// - users with 10-50 objects each; a user's objects are trees (a person or company, 1-4 contact
///   or document objects below it, 0-2 verifications below each, a file below half of those:
///   at most 3 levels below the root), each object owned (IS_OWNER) by its user;
/// - groups of 5-500 members (log-uniform sizes, one per 40 users), owned by their first member;
///   each member shares one of their trees with each group with probability 1/2: a VIEWS grant on
///   the root and, with the root grant as origin, on every object below it (what a grant with
///   cascade makes); three users share a tree with PUBLIC;
/// - the benchmark accounts: the owner with 50 objects and in no group; the member with 20, in a
///   group of 100 (the others from the population, half of whom share a tree with it), with which
///   the owner shares 3 of their trees; the grantor with one tree of a root and 100 sub objects
///   (4, 24 and 72 on the three levels below it).
/// With a <see cref="CallerShare"/> (bench/cypher), the member owns that fraction of the objects
/// instead of 20 and, last, gets direct VIEWS grants (cascaded) on other users' trees.
/// Trees are written root first, level by level, so a tree is a range of consecutive node ids.
/// </summary>
internal sealed class GraphGenerator(ExistingGraph existing, GraphStore store, int objects, int seed, CallerShare share)
{
    public const int OwnerObjects = 50;
    public const int MemberObjects = 20;
    public const int BenchGroupSize = 100;

    /// <summary>Trees everyone may view: a fixed number, so that what every caller sees through PUBLIC does not grow with the graph.</summary>
    public const int PublicTrees = 3;

    /// <summary>The owner's and the grantor's objects: the same at every size.</summary>
    public const int FixedObjects = OwnerObjects + 101;

    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly ObjectKind[] PersonChildren = [ObjectKind.Email, ObjectKind.Phone, ObjectKind.Address, ObjectKind.DriverLicence, ObjectKind.Passport];
    private static readonly ObjectKind[] CompanyChildren = [ObjectKind.Address, ObjectKind.Email, ObjectKind.Phone];

    private readonly Random _rng = new(seed);
    private readonly Dictionary<long, Guid> _keys = [];
    private readonly GraphCounts _counts = new();
    private long _nextNode = existing.NextNodeId;
    private long _nextRelationship = existing.NextRelationshipId;

    /// <summary>A shared tree: its root's node id and its number of objects.</summary>
    private readonly record struct Tree(long Root, int Size);

    /// <summary>One object of a tree template: its kind and its parent's index in the template (-1 for the root).</summary>
    private readonly record struct Slot(ObjectKind Kind, int Parent);

    public BenchGraph Generate()
    {
        var population = Population();
        var users = new long[population.Count];
        var trees = new List<Tree>[population.Count];
        for (var i = 0; i < users.Length; i++)
        {
            var id = Key();
            store.Account(id, $"graph-load-{i}@bench.test");
            users[i] = UserNode(id);
            _counts.Accounts++;
        }
        for (var i = 0; i < users.Length; i++)
        {
            trees[i] = OwnedObjects(users[i], population[i]);
        }

        var owner = existing.Owner.NodeId ?? UserNode(existing.Owner.UserId);
        var member = existing.Member.NodeId ?? UserNode(existing.Member.UserId);
        var grantor = existing.Grantor.NodeId ?? UserNode(existing.Grantor.UserId);
        var ownerTrees = OwnedObjects(owner, OwnerObjects);
        OwnedObjects(member, share.MemberObjects(objects));
        var cascade = CascadeTree(grantor);

        for (var g = 0; g < Math.Max(2, users.Length / 40); g++)
        {
            var size = (int)Math.Round(Math.Exp(Math.Log(5) + (_rng.NextDouble() * (Math.Log(500) - Math.Log(5)))));
            var members = Sample(users.Length, Math.Min(size, users.Length));
            var group = Group($"Group {g}", users[members[0]], members.Select(m => users[m]));
            foreach (var m in members.Where(_ => _rng.Next(2) == 0))
            {
                Share(group, Pick(trees[m]));
            }
        }

        var sharedWithMember = new List<Tree>();
        var others = Sample(users.Length, Math.Min(BenchGroupSize - 1, users.Length));
        var benchGroup = Group("Benchmark group", users[others[0]], others.Select(m => users[m]).Append(member));
        foreach (var tree in ownerTrees.Take(3))
        {
            sharedWithMember.Add(Share(benchGroup, tree));
        }
        foreach (var m in others.Where(_ => _rng.Next(2) == 0))
        {
            sharedWithMember.Add(Share(benchGroup, Pick(trees[m])));
        }

        foreach (var i in Sample(users.Length, PublicTrees))
        {
            Share(existing.PublicNodeId, Pick(trees[i]));
            _counts.PublicShares++;
        }
        GrantDirectly(member, users, trees, share.GrantedObjects(objects));

        return new BenchGraph(
            [.. ownerTrees.SelectMany(Ids).Select(id => _keys[id])],
            [.. sharedWithMember.SelectMany(Ids).Distinct().Select(id => _keys[id])],
            _keys[cascade.Root],
            existing.Member.UserId,
            _counts);
    }

    /// <summary>Objects per population user (10-50 each), so that all users together own <c>objects</c>.</summary>
    private List<int> Population()
    {
        var counts = new List<int>();
        for (var left = objects - FixedObjects - share.MemberObjects(objects); left > 0;)
        {
            var count = Math.Min(_rng.Next(10, 51), left);
            counts.Add(count);
            left -= count;
        }
        return counts;
    }

    /// <summary>Direct VIEWS grants to <paramref name="member"/> on random trees of the population, until they hold about <paramref name="count"/> objects.</summary>
    private void GrantDirectly(long member, long[] users, List<Tree>[] trees, int count)
    {
        var granted = new HashSet<long>();
        var available = trees.Sum(t => t.Count);
        for (var held = 0; held < count && granted.Count < available;)
        {
            var tree = Pick(trees[_rng.Next(users.Length)]);
            if (granted.Add(tree.Root))
            {
                Share(member, tree);
                held += tree.Size;
            }
        }
    }

    private List<Tree> OwnedObjects(long owner, int count)
    {
        var trees = new List<Tree>();
        while (count > 0)
        {
            var template = TreeTemplate();
            var size = Math.Min(template.Count, count);
            trees.Add(Objects(owner, template[..size]));
            count -= size;
        }
        return trees;
    }

    /// <summary>A person or company, children below it, verifications below those, files below some verifications; level by level.</summary>
    private List<Slot> TreeTemplate()
    {
        var person = _rng.Next(10) != 0;
        List<Slot> slots = [new(person ? ObjectKind.Person : ObjectKind.Company, -1)];
        var choices = person ? PersonChildren : CompanyChildren;
        var children = choices.OrderBy(_ => _rng.Next()).Take(_rng.Next(1, person ? 5 : 4)).ToList();
        slots.AddRange(children.Select(kind => new Slot(kind, 0)));
        var verifications = new List<int>();
        for (var c = 1; c <= children.Count; c++)
        {
            for (var v = _rng.Next(3); v > 0; v--)
            {
                verifications.Add(slots.Count);
                slots.Add(new Slot(ObjectKind.Verification, c));
            }
        }
        slots.AddRange(verifications.Where(_ => _rng.Next(2) == 0).Select(v => new Slot(ObjectKind.File, v)));
        return slots;
    }

    /// <summary>The grantor's tree: a person, 4 objects below it, 6 verifications below each, 3 files below each verification.</summary>
    private Tree CascadeTree(long grantor)
    {
        List<Slot> slots = [new(ObjectKind.Person, -1)];
        slots.AddRange(new[] { ObjectKind.Email, ObjectKind.Phone, ObjectKind.Address, ObjectKind.Passport }.Select(kind => new Slot(kind, 0)));
        for (var c = 1; c <= 4; c++)
        {
            slots.AddRange(Enumerable.Repeat(new Slot(ObjectKind.Verification, c), 6));
        }
        for (var v = 5; v < 5 + 24; v++)
        {
            slots.AddRange(Enumerable.Repeat(new Slot(ObjectKind.File, v), 3));
        }
        return Objects(grantor, slots);
    }

    private Tree Objects(long owner, List<Slot> slots)
    {
        var first = _nextNode;
        foreach (var slot in slots)
        {
            var id = _nextNode++;
            var key = Key();
            _keys[id] = key;
            var kind = slot.Kind;
            var properties = kind.Properties(_rng);
            var schema = existing.Schemas.TryGetValue(kind.Schema, out var found) ? found : throw new InvalidOperationException($"no current schema {kind.Schema}");
            store.Node(new NodeRow(id, key, NodeKind.ProfileObject, kind.LabelsJson, properties, schema, Created(id)));
            foreach (var label in kind.Labels.Append(kind.Schema))
            {
                store.Label(id, label);
                _counts.Labels++;
            }
            Relate(owner, id, RelationshipTypes.IsOwner);
            if (slot.Parent >= 0)
            {
                // A relationship between objects belongs to no grant: the nil origin, as operation 62 makes it.
                Relate(first + slot.Parent, id, kind.FromParent, Guid.Empty);
                _counts.ObjectRelationships++;
            }
            _counts.Objects++;
            _counts.PropertyBytes += properties.Length;
        }
        return new Tree(first, slots.Count);
    }

    private long Group(string name, long owner, IEnumerable<long> members)
    {
        var id = _nextNode++;
        store.Node(new NodeRow(id, Key(), NodeKind.Group, """["Group"]""", $$"""{"name":"{{name}}"}""", null, Created(id)));
        store.Label(id, "Group");
        Relate(owner, id, RelationshipTypes.IsOwner);
        foreach (var user in members)
        {
            Relate(user, id, RelationshipTypes.BelongsTo);
            _counts.Memberships++;
        }
        _counts.Groups++;
        return id;
    }

    /// <summary>A VIEWS grant on the tree's root and, as the same grant's cascade, on every object below it.</summary>
    private Tree Share(long principal, Tree tree)
    {
        var grant = Relate(principal, tree.Root, RelationshipTypes.Views);
        for (var id = tree.Root + 1; id < tree.Root + tree.Size; id++)
        {
            Relate(principal, id, RelationshipTypes.Views, grant);
        }
        _counts.Grants++;
        _counts.CascadedGrants += tree.Size - 1;
        return tree;
    }

    private Guid Relate(long start, long end, string type, Guid? origin = null)
    {
        var pId = Key();
        store.Relationship(new RelationshipRow(_nextRelationship, pId, start, end, type, origin ?? pId, Created(_nextRelationship)));
        _nextRelationship++;
        _counts.Relationships++;
        return pId;
    }

    private long UserNode(Guid userId)
    {
        var id = _nextNode++;
        store.Node(new NodeRow(id, userId, NodeKind.User, """["User"]""", "{}", null, Created(id)));
        return id;
    }

    private Tree Pick(List<Tree> trees) => trees[_rng.Next(trees.Count)];

    /// <summary><paramref name="count"/> distinct indexes below <paramref name="range"/>, in the order drawn.</summary>
    private List<int> Sample(int range, int count)
    {
        var chosen = new HashSet<int>();
        var order = new List<int>(count);
        while (order.Count < count)
        {
            var i = _rng.Next(range);
            if (chosen.Add(i))
            {
                order.Add(i);
            }
        }
        return order;
    }

    /// <summary>A random (version 4) Guid from the seeded generator.</summary>
    private Guid Key()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static DateTime Created(long id) => Epoch.AddSeconds(id);

    private static IEnumerable<long> Ids(Tree tree) => Enumerable.Range(0, tree.Size).Select(i => tree.Root + i);
}

/// <summary>What was loaded, counted.</summary>
internal sealed class GraphCounts
{
    public long Accounts { get; set; }

    public long Objects { get; set; }

    public long Labels { get; set; }

    public long Groups { get; set; }

    public long Memberships { get; set; }

    public long Grants { get; set; }

    public long CascadedGrants { get; set; }

    public long PublicShares { get; set; }

    public long ObjectRelationships { get; set; }

    public long Relationships { get; set; }

    public long PropertyBytes { get; set; }
}

/// <summary>The n_ids and ids the benchmark requests.</summary>
internal sealed record BenchGraph(
    IReadOnlyList<Guid> OwnerObjects,
    IReadOnlyList<Guid> MemberVisibleObjects,
    Guid CascadeRoot,
    Guid MemberUserId,
    GraphCounts Counts);
