namespace Raytio.Cypher.Parsing;

/// <summary>
/// Refuses, where a clause may start, the clauses this endpoint never runs: those that write or
/// call out (`query_not_read_only`, naming the clause; the reference's rule that the query is
/// read-only) and read clauses outside the subset (`query_unsupported`).
/// </summary>
internal static class ClauseGuard
{
    private static readonly HashSet<string> WritingClauses = new(StringComparer.OrdinalIgnoreCase)
    {
        "CREATE", "MERGE", "SET", "DELETE", "REMOVE", "FOREACH", "INSERT", "CALL", "USE", "SHOW",
    };

    /// <summary>Words that only start administration commands (users, roles, databases, schema, servers).</summary>
    private static readonly HashSet<string> AdministrationVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "DROP", "ALTER", "GRANT", "DENY", "REVOKE", "START", "STOP", "RENAME", "ENABLE", "DEALLOCATE", "REALLOCATE", "TERMINATE", "DRYRUN",
    };

    /// <summary>What an administration command acts on, singular as the error names it.</summary>
    private static readonly Dictionary<string, string> AdministrationObjects = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USER"] = "USER",
        ["USERS"] = "USER",
        ["ROLE"] = "ROLE",
        ["ROLES"] = "ROLE",
        ["DATABASE"] = "DATABASE",
        ["DATABASES"] = "DATABASE",
        ["ALIAS"] = "ALIAS",
        ["INDEX"] = "INDEX",
        ["INDEXES"] = "INDEX",
        ["CONSTRAINT"] = "CONSTRAINT",
        ["CONSTRAINTS"] = "CONSTRAINT",
        ["SERVER"] = "SERVER",
        ["SERVERS"] = "SERVER",
        ["PRIVILEGE"] = "PRIVILEGE",
        ["PRIVILEGES"] = "PRIVILEGE",
    };

    /// <summary>Clause keywords of valid openCypher (or Neo4j) outside the subset, with the name the error gives.</summary>
    private static readonly Dictionary<string, string> UnsupportedClauses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UNWIND"] = "UNWIND",
        ["EXPLAIN"] = "EXPLAIN",
        ["PROFILE"] = "PROFILE",
        ["CYPHER"] = "Query options (CYPHER ...)",
        ["FINISH"] = "FINISH",
        ["FILTER"] = "FILTER",
        ["LET"] = "LET",
    };

    /// <summary>Throws when the token at <paramref name="index"/> starts a refused clause.</summary>
    public static void RejectForbidden(List<Token> tokens, int index)
    {
        var token = tokens[index];
        if (token.Kind != TokenKind.Identifier || token.Quoted)
        {
            return;
        }
        var word = token.Text.ToUpperInvariant();
        if (word == "CREATE" && AdministrationObject(tokens, index) is { } created)
        {
            throw Errors.NotReadOnly($"CREATE {created} (an administration command)", token.Position);
        }
        if (AdministrationVerbs.Contains(word))
        {
            var target = AdministrationObject(tokens, index);
            throw Errors.NotReadOnly(target is null ? $"{word} (an administration command)" : $"{word} {target} (an administration command)", token.Position);
        }
        if (WritingClauses.Contains(word))
        {
            throw Errors.NotReadOnly(word, token.Position);
        }
        if ((word == "DETACH" || word == "NODETACH") && Next(tokens, index, 1).IsKeyword("DELETE"))
        {
            throw Errors.NotReadOnly($"{word} DELETE", token.Position);
        }
        if (word == "LOAD" && Next(tokens, index, 1).IsKeyword("CSV"))
        {
            throw Errors.NotReadOnly("LOAD CSV", token.Position);
        }
        if (UnsupportedClauses.TryGetValue(word, out var construct))
        {
            throw Errors.Unsupported(construct, token.Position);
        }
    }

    /// <summary>The object of an administration command among the next few words (`CREATE OR REPLACE DATABASE`, `DROP TEXT INDEX`).</summary>
    private static string? AdministrationObject(List<Token> tokens, int index)
    {
        for (var ahead = 1; ahead <= 4; ahead++)
        {
            var next = Next(tokens, index, ahead);
            if (next.Kind != TokenKind.Identifier || next.Quoted)
            {
                return null;
            }
            if (AdministrationObjects.TryGetValue(next.Text, out var name))
            {
                return name;
            }
        }
        return null;
    }

    private static Token Next(List<Token> tokens, int index, int ahead) => tokens[Math.Min(index + ahead, tokens.Count - 1)];
}
