namespace Raytio.Server.Tests.GraphAuthorization;

/// <summary>Who calls, relative to the object under test (see <see cref="MatrixCast"/> for the relationships each role holds).</summary>
public enum ObjectRole
{
    Owner,
    Admins,
    Edits,
    Views,
    MemberOfAdminsGroup,
    MemberOfViewsGroup,
    MemberOfOtherGroup,
    Unrelated,
    Anonymous,
}

/// <summary>Who calls, relative to the group under test.</summary>
public enum GroupRole
{
    Owner,
    Admins,
    Member,
    Stranger,
    Anonymous,
}

/// <summary>One expectation: this operation, called by this role, answers this outcome.</summary>
public sealed record MatrixCheck(string Operation, string Role, string Expected);

/// <summary>
/// The expected outcome of every profile-graph operation for every role, as data (in the manner of
/// the SpiceDB and OpenFGA consistency files): one line per operation, one column per role. An
/// outcome is a status (`200`, `401`, `403`, `404`, `409`), `in` / `out` for a listing that
/// does / does not show the object or group under test (always answered 200), or `-` where
/// docs/GRAPH.md does not decide. Denials follow the contract: 401 for anonymous callers of
/// bearer operations, 404 for callers who cannot see the target, 403 for those who see it but may
/// not act.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>
    /// On an object the owner made and shared: ADMINS, EDITS and VIEWS to one user each, ADMINS and
    /// VIEWS to one group each; a third group holds nothing.
    /// </summary>
    public static readonly string[] PrivateObject =
    [
        // operation               own  adm  edt  vws  gadm gvws ogrp unrl anon
        "34-create                 200  200  200  200  200  200  200  200  401",
        "35-update                 200  200  200  403  200  403  404  404  401",
        "36-content                200  200  200  200  200  200  404  404  401",
        "37-public-content         404  404  404  404  404  404  404  404  404",
        "38-read                   in   in   in   in   in   in   out  out  out",
        "39-list                   in   in   in   in   in   in   out  out  out",
        "40-get                    200  200  200  200  200  200  404  404  404",
        "delete                    200  403  403  403  403  403  404  404  401",
        "48-grant                  200  200  403  403  200  403  404  404  401",
        "49-permissions            200  200  403  403  200  403  404  404  401",
        "50-revoke                 200  200  403  403  200  403  404  404  401",
        "59-take-owned             409  409  403  403  409  403  404  404  401",
        "59-take-unowned           404  200  403  403  200  403  404  404  401",
        "60-transfer               200  403  403  403  403  403  404  404  401",
        "61-give-up                200  403  403  403  403  403  404  404  401",
        "62-relate                 200  200  403  403  200  403  404  404  401",
        // From an object only a stranger holds to the object under test; whether a caller without
        // ADMINS on the target hears 403 (target checked first) or 404 is the server's choice.
        "62-relate-from-hidden     404  404  -    -    404  -    404  404  401",
        "63-unrelate               200  200  403  403  200  403  404  404  401",
        "63-unrelate-from-hidden   404  404  -    -    404  -    404  404  401",
        "89-audit                  200  200  200  200  200  200  404  404  401",
    ];

    /// <summary>The same object, with VIEWS also granted to PUBLIC: everyone sees it, nobody more may act.</summary>
    public static readonly string[] PublicObject =
    [
        // operation               own  adm  edt  vws  gadm gvws ogrp unrl anon
        "35-update                 200  200  200  403  200  403  403  403  401",
        "36-content                200  200  200  200  200  200  200  200  401",
        "37-public-content         200  200  200  200  200  200  200  200  200",
        "38-read                   in   in   in   in   in   in   in   in   in",
        "39-list                   in   in   in   in   in   in   in   in   in",
        "40-get                    200  200  200  200  200  200  200  200  200",
        "delete                    200  403  403  403  403  403  403  403  401",
        "48-grant                  200  200  403  403  200  403  403  403  401",
        "49-permissions            200  200  403  403  200  403  403  403  401",
        "61-give-up                200  403  403  403  403  403  403  403  401",
        "89-audit                  200  200  200  200  200  200  200  200  401",
    ];

    /// <summary>On a group its owner made, with one member and one user holding ADMINS on it.</summary>
    public static readonly string[] Group =
    [
        // operation               own  adm  mem  strg anon
        "51-create-group           200  200  200  200  401",
        "52-list-groups            in   out  in   out  401",
        "53-get-group              200  200  200  404  401",
        "54-transfer-group         200  403  403  404  401",
        "55-delete-group           200  403  403  404  401",
        "56-add-member             200  200  403  404  401",
        "57-remove-member          200  200  403  404  401",
        // The caller removes themselves; the owner and an ADMINS holder who is no member are left to the server.
        "57-leave                  -    -    200  404  401",
        "58-members                200  200  200  404  401",
        // The built-in PUBLIC group cannot be read, changed or joined.
        "53-get-public             404  404  404  404  401",
        "56-join-public            404  404  404  404  401",
        "58-members-public         404  404  404  404  401",
    ];

    private static readonly HashSet<string> Outcomes = ["200", "302", "400", "401", "403", "404", "409", "in", "out", "-"];

    /// <summary>The checks of one table, in order; rejects a malformed line.</summary>
    public static IEnumerable<(string Operation, IReadOnlyList<MatrixCheck> Checks)> Parse<TRole>(string[] table)
        where TRole : struct, Enum
    {
        var roles = Enum.GetNames<TRole>();
        foreach (var line in table)
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != roles.Length + 1 || cells.Skip(1).Any(cell => !Outcomes.Contains(cell)))
            {
                throw new FormatException($"Matrix line '{line}' needs an operation and one of {string.Join(" ", Outcomes)} for each of {string.Join(", ", roles)}.");
            }
            yield return (cells[0], [.. roles.Select((role, i) => new MatrixCheck(cells[0], role, cells[i + 1]))]);
        }
    }
}
