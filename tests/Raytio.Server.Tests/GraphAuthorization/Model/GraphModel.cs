namespace Raytio.Server.Tests.GraphAuthorization.Model;

/// <summary>What a caller may do with an object in the model; each level includes those below it.</summary>
internal enum Access
{
    None,
    View,
    Edit,
    Admin,
    Own,
}

internal enum PrincipalKind
{
    User,
    Group,
    Public,
}

/// <summary>A holder of permissions: user n, group n or PUBLIC. A user index of -1 names an account that does not exist.</summary>
internal readonly record struct Principal(PrincipalKind Kind, int Index)
{
    public static readonly Principal Public = new(PrincipalKind.Public, 0);

    public static readonly Principal UnknownUser = new(PrincipalKind.User, -1);

    public static Principal User(int index) => new(PrincipalKind.User, index);

    public static Principal Group(int index) => new(PrincipalKind.Group, index);

    public override string ToString() => Kind switch
    {
        PrincipalKind.User => Index < 0 ? "an unknown user" : $"u{Index}",
        PrincipalKind.Group => $"g{Index}",
        _ => "PUBLIC",
    };
}

internal sealed class ModelObject(int index)
{
    public int Index { get; } = index;

    public Guid NId { get; set; }

    public bool Deleted { get; set; }
}

internal sealed class ModelGroup(int index, int owner)
{
    public int Index { get; } = index;

    public Guid GId { get; set; }

    public int Owner { get; set; } = owner;

    public HashSet<int> Members { get; } = [owner];

    public bool Deleted { get; set; }
}

/// <summary>A permission relationship; a direct grant is its own origin, a cascaded one has its grant's.</summary>
internal sealed class ModelGrant(int id, Principal principal, int target, string type, int origin)
{
    public int Id { get; } = id;

    public Principal Principal { get; } = principal;

    public int Object { get; } = target;

    public string Type { get; } = type;

    public int Origin { get; } = origin;

    /// <summary>The server's p_id, learnt from the object's permission listing after the step that made it.</summary>
    public Guid? PId { get; set; }

    public override string ToString() => $"#{Id} {Principal} {Type} o{Object}" + (Origin == Id ? "" : $" (from #{Origin})");
}

internal sealed record ModelRelation(int From, int To, string Type);

/// <summary>
/// The reference semantics of docs/GRAPH.md, in memory: objects, their owners, object relationships,
/// grants with their origins, groups and memberships, PUBLIC. Every operation of the model-based test
/// is predicted here (its status) and, when it succeeds, applied here.
/// </summary>
internal sealed class GraphModel(int userCount)
{
    public const string Owner = "IS_OWNER";
    public const string Admins = "ADMINS";
    public const string Edits = "EDITS";
    public const string Views = "VIEWS";

    private int _nextGrant;

    public int UserCount { get; } = userCount;

    public List<ModelObject> Objects { get; } = [];

    public List<ModelGroup> Groups { get; } = [];

    public List<ModelGrant> Grants { get; } = [];

    /// <summary>Grants that are gone, so that a step can name a p_id that no longer exists.</summary>
    public List<ModelGrant> Gone { get; } = [];

    public HashSet<ModelRelation> Relations { get; } = [];

    /// <summary>Objects whose permission relationships the last step changed (checked against the server after it).</summary>
    public HashSet<int> Touched { get; } = [];

    public IEnumerable<ModelObject> LiveObjects => Objects.Where(o => !o.Deleted);

    public static Access LevelOf(string type) => type switch
    {
        Owner => Access.Own,
        Admins => Access.Admin,
        Edits => Access.Edit,
        Views => Access.View,
        _ => Access.None,
    };

    /// <summary>A user's groups: those they belong to that still exist.</summary>
    public bool BelongsTo(int user, int group) => !Groups[group].Deleted && Groups[group].Members.Contains(user);

    /// <summary>Whether a principal speaks for the caller (their own node, a group of theirs, PUBLIC for everyone).</summary>
    public bool Represents(Principal principal, int? user) => principal.Kind switch
    {
        PrincipalKind.Public => true,
        PrincipalKind.User => user == principal.Index,
        _ => user is { } u && BelongsTo(u, principal.Index),
    };

    /// <summary>The effective permission: the strongest over the caller's own node, their groups and PUBLIC.</summary>
    public Access AccessOf(int? user, int obj) =>
        Objects[obj].Deleted
            ? Access.None
            : Grants.Where(g => g.Object == obj && Represents(g.Principal, user)).Select(g => LevelOf(g.Type)).DefaultIfEmpty(Access.None).Max();

    /// <summary>Members and the owner see a group (no grant on a group is modelled); PUBLIC and deleted groups nobody.</summary>
    public bool SeesGroup(int user, int group) => !Groups[group].Deleted && (Groups[group].Owner == user || Groups[group].Members.Contains(user));

    public ModelGrant? OwnerGrant(int obj) => Grants.FirstOrDefault(g => g.Object == obj && g.Type == Owner);

    /// <summary>404 when the caller holds nothing, 403 when less than <paramref name="needed"/>, else null (go on).</summary>
    public int? Require(int user, int obj, Access needed)
    {
        var held = AccessOf(user, obj);
        return held == Access.None ? 404 : held < needed ? 403 : null;
    }

    public ModelGrant AddGrant(Principal principal, int obj, string type, int? origin = null)
    {
        var id = _nextGrant++;
        var grant = new ModelGrant(id, principal, obj, type, origin ?? id);
        Grants.Add(grant);
        Touched.Add(obj);
        return grant;
    }

    public void RemoveGrants(Func<ModelGrant, bool> which)
    {
        foreach (var grant in Grants.Where(which).ToList())
        {
            Grants.Remove(grant);
            Gone.Add(grant);
            Touched.Add(grant.Object);
        }
    }

    /// <summary>
    /// The cascade of a grant by <paramref name="caller"/> on <paramref name="obj"/>, as of now: the
    /// objects reachable through outgoing object relationships, walking only through objects the
    /// caller administers (cycles stop the walk), and the reached objects they do not administer.
    /// </summary>
    public (List<int> Granted, List<int> Skipped) Cascade(int caller, int obj)
    {
        var granted = new List<int>();
        var skipped = new List<int>();
        var seen = new HashSet<int> { obj };
        var queue = new Queue<int>([obj]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in Relations.Where(r => r.From == current).Select(r => r.To).Distinct().Order())
            {
                if (!seen.Add(next))
                {
                    continue;
                }
                if (AccessOf(caller, next) >= Access.Admin)
                {
                    granted.Add(next);
                    queue.Enqueue(next);
                }
                else
                {
                    skipped.Add(next);
                }
            }
        }
        return (granted, skipped);
    }
}
