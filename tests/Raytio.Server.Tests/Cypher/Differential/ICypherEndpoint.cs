namespace Raytio.Server.Tests.Cypher.Differential;

/// <summary>
/// The side the differential test checks against Kuzu. Operation 64 plugs in here once it exists:
/// load a generated graph so that the test user sees all of it, then answer openCypher queries
/// through operation 64 as <c>{"columns", "data"}</c> turned into <see cref="QueryAnswer"/>s.
/// </summary>
public interface ICypherEndpoint
{
    Task LoadAsync(GeneratedGraph graph);

    /// <summary>The answers in the order of the queries (a batch, so a side may start once for all).</summary>
    Task<IReadOnlyList<QueryAnswer>> QueryAsync(IReadOnlyList<string> queries);
}
